using System.Net.Http.Headers;

namespace ChatOpsBot.Protocol.Connector;

/// <summary>Refuses any request to a host off the allow-list, then attaches the bot's bearer token.</summary>
internal sealed class BotTokenHandler(ServiceUrlAllowList allowList, IBotTokenSource tokenSource) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { } uri || !allowList.IsAllowed(uri))
        {
            throw new ServiceUrlNotAllowedException($"Refused a Connector call to '{request.RequestUri?.Host}': host not on the allow-list.");
        }

        var token = await tokenSource.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
