using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Itop.Rest;

/// <summary>Adds the credential: the application token (Auth-Token header) when set, HTTP Basic otherwise. Never logs it.</summary>
public sealed class ItopAuthHandler(IOptionsMonitor<ItopOptions> options) : DelegatingHandler
{
    public const string TokenHeader = "Auth-Token";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = options.CurrentValue;
        request.Headers.Remove(TokenHeader);
        if (!string.IsNullOrEmpty(o.Token))
        {
            request.Headers.TryAddWithoutValidation(TokenHeader, o.Token);
        }
        else if (!string.IsNullOrEmpty(o.User))
        {
            var raw = Encoding.UTF8.GetBytes(o.User + ":" + o.Password);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
