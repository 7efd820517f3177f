using System.Globalization;

namespace ChatOpsBot.State;

/// <summary>The default lease holder id: one GUID per process.</summary>
public static class LeaseHolderId
{
    /// <summary>This process's holder id.</summary>
    public static string Current { get; } = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
}
