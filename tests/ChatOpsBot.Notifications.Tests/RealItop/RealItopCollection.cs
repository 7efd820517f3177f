using ChatOpsBot.Testing.RealItop;

namespace ChatOpsBot.Notifications.Tests.RealItop;

/// <summary>The notification tests against the real iTop: one at a time, holding the cross-process lock (they reset the instance).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealItopCollection : ICollectionFixture<RealItopExclusive>
{
    public const string Name = "Real iTop (notifications)";
}
