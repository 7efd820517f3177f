using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>A fact that runs only against a real iTop it may reset (see <see cref="RealItopEnvironment"/>).</summary>
public sealed class RealItopFactAttribute : FactAttribute
{
    public RealItopFactAttribute() => Skip = RealItopEnvironment.WhyNotConfigured();
}
