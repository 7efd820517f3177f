namespace ChatOpsBot.ItopSandbox.Storage;

/// <summary>An iTop user account of the seed (UserLocal with a password or UserToken with a token).</summary>
public sealed class SandboxUser
{
    public long Id { get; set; }

    public string Login { get; set; } = string.Empty;

    /// <summary>UserLocal or UserToken.</summary>
    public string Class { get; set; } = "UserLocal";

    public string? Password { get; set; }

    public string? Token { get; set; }

    public string? Scope { get; set; }

    public long ContactId { get; set; }

    public List<string> Profiles { get; set; } = [];

    /// <summary>Allowed organizations; empty = every organization.</summary>
    public List<long> AllowedOrgIds { get; set; } = [];

    public bool IsAdministrator => Profiles.Contains("Administrator", StringComparer.OrdinalIgnoreCase);
}
