using ChatOpsBot.Protocol.Connector;

namespace ChatOpsBot.Protocol.Tests.Infrastructure;

public sealed class StaticTokenSource(string? token) : IBotTokenSource
{
    public const string Token = "test-outbound-token";

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
}
