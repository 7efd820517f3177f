using ChatOpsBot.Protocol.Connector;

namespace ChatOpsBot.Benchmarks.Load;

/// <summary>The outbound token the loopback Connector sink accepts (it checks none): no Entra ID on loopback.</summary>
internal sealed class StaticTokenSource(string token) : IBotTokenSource
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
}
