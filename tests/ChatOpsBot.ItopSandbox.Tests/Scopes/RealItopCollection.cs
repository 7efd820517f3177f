using ChatOpsBot.Testing.RealItop;
using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>Tests that reset and write the one real iTop: never in parallel with each other or anything else.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealItopCollection : ICollectionFixture<RealItopExclusive>
{
    public const string Name = "real iTop";
}
