using ChatOpsBot.Testing.RealItop;
using Xunit;

namespace ChatOpsBot.Itop.Tests.RealItop;

/// <summary>
/// Every test that talks to the real iTop: one at a time, and not alongside the rest of the assembly, because some of
/// them reset the instance (which removes the tickets the others create) and count on the seed's ids.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealItopCollection : ICollectionFixture<RealItopExclusive>
{
    public const string Name = "Real iTop";
}
