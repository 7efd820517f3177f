namespace ChatOpsBot.Hosting;

/// <summary>Builds the bot's web application; the benchmarks reuse it with their own loopback edges.</summary>
public static class ChatOpsBotApp
{
    public const string DefaultUrl = "http://127.0.0.1:3978";

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            // Loopback unless told otherwise (--urls, ASPNETCORE_URLS or URLS): a dev bot is never exposed by accident.
            builder.WebHost.UseUrls(DefaultUrl);
        }

        configure?.Invoke(builder);
        ListenAddressCheck.ThrowIfInUse(builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? DefaultUrl);
        var sandbox = await EmbeddedItop.StartIfNotConfiguredAsync(builder.Configuration);
        builder.AddChatOpsBot();

        var app = builder.Build();
        app.UseEmbeddedItop(sandbox);
        app.MapChatOpsBot();
        return app;
    }
}
