using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatOpsBot.Protocol.Authentication;

/// <summary>
/// The validation parameters of one token family over its cached metadata. A token naming a kid absent from the
/// cached key set forces a fresh metadata + JWKS fetch, at most once per <see cref="ForcedRefreshInterval"/>.
/// </summary>
internal sealed class SigningKeySource
{
    public static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromSeconds(30);

    private readonly Func<ConfigurationManager<OpenIdConnectConfiguration>> _createManager;
    private readonly Func<ConfigurationManager<OpenIdConnectConfiguration>, TokenValidationParameters> _createParameters;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private TokenValidationParameters _current;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public SigningKeySource(
        Func<ConfigurationManager<OpenIdConnectConfiguration>> createManager,
        Func<ConfigurationManager<OpenIdConnectConfiguration>, TokenValidationParameters> createParameters,
        TimeProvider timeProvider)
    {
        _createManager = createManager;
        _createParameters = createParameters;
        _timeProvider = timeProvider;
        _current = createParameters(createManager());
    }

    public async Task<(TokenValidationParameters Parameters, OpenIdConnectConfiguration? Configuration)> GetAsync(string? kid, CancellationToken cancellationToken)
    {
        var parameters = Volatile.Read(ref _current);
        var configuration = await GetConfigurationAsync(parameters, cancellationToken).ConfigureAwait(false);
        if (kid is null || configuration is null || HasKey(configuration, kid))
        {
            return (parameters, configuration);
        }

        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            if (now - _lastForcedRefresh < ForcedRefreshInterval || !ReferenceEquals(parameters, _current))
            {
                parameters = _current;
            }
            else
            {
                _lastForcedRefresh = now;
                _current = parameters = _createParameters(_createManager());
            }
        }

        return (parameters, await GetConfigurationAsync(parameters, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<OpenIdConnectConfiguration?> GetConfigurationAsync(TokenValidationParameters parameters, CancellationToken cancellationToken)
    {
        try
        {
            var manager = (ConfigurationManager<OpenIdConnectConfiguration>)parameters.ConfigurationManager;
            return await manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Metadata unreachable: validation below fails closed (401).
            return null;
        }
    }

    private static bool HasKey(OpenIdConnectConfiguration configuration, string kid) =>
        configuration.JsonWebKeySet?.Keys.Any(k => string.Equals(k.Kid, kid, StringComparison.Ordinal)) == true;
}
