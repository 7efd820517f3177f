namespace ChatOpsBot.Protocol.Connector;

/// <summary>The bearer token for outbound Connector calls; null when the bot runs without credentials.</summary>
public interface IBotTokenSource
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
