namespace ChatOpsBot.Protocol.Connector;

/// <summary>No credentials (unauthenticated local mode, or no app id): calls go out without a token.</summary>
internal sealed class NoBotTokenSource : IBotTokenSource
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
