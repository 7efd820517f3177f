using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Protocol.Connector;

/// <summary>User-assigned managed identity (Azure.Identity); the token is kept until 5 minutes before it expires.</summary>
internal sealed class ManagedIdentityBotTokenSource(IOptions<BotOptions> options, TimeProvider timeProvider) : IBotTokenSource, IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly ManagedIdentityCredential _credential =
        new(ManagedIdentityId.FromUserAssignedClientId(options.Value.ManagedIdentityClientId));

    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _cached;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && fresh.ExpiresOn - RefreshMargin > timeProvider.GetUtcNow())
        {
            return fresh.Token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && again.ExpiresOn - RefreshMargin > timeProvider.GetUtcNow())
            {
                return again.Token;
            }

            var token = await _credential.GetTokenAsync(new TokenRequestContext([MsalBotTokenSource.Scope]), cancellationToken).ConfigureAwait(false);
            _cached = token;
            return token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
