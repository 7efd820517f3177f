using ChatOpsBot.Itop;
using ChatOpsBot.Itop.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>
/// Works around a Refit registration that cannot be built without Refit.Reflection (reported to the iTop adapter's
/// owner): when the real IItopRestApi client cannot be created, the same rest.php POST is made by a plain typed
/// HttpClient with the adapter's own auth handler. Still real HTTP to the sandbox.
/// </summary>
public static class ItopTransportFallback
{
    public static bool IsNeeded(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddItopTicketDesk(configuration);
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IItopRestApi>();
            return false;
        }
        catch (NotSupportedException)
        {
            return true;
        }
    }

    public static void Use(IServiceCollection services, Uri baseAddress)
    {
        services.RemoveAll<IItopRestApi>();
        services.AddHttpClient<IItopRestApi, FormPostItopRestApi>(http => http.BaseAddress = baseAddress)
            .AddHttpMessageHandler<ItopAuthHandler>();
    }

    private sealed class FormPostItopRestApi(HttpClient http) : IItopRestApi
    {
        public async Task<string> PostAsync(string version, IDictionary<string, string> form, bool isRead, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "webservices/rest.php?version=" + Uri.EscapeDataString(version))
            {
                Content = new FormUrlEncodedContent(form),
            };
            request.Options.Set(ItopRequestKind.IsRead, isRead);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
    }
}
