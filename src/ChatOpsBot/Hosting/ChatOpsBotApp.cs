namespace ChatOpsBot.Hosting;

/// <summary>Builds the bot's web application; the benchmarks reuse it with their own loopback edges.</summary>
public static class ChatOpsBotApp
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var sandbox = await EmbeddedItop.StartIfNotConfiguredAsync(builder.Configuration);
        builder.AddChatOpsBot();

        var app = builder.Build();
        app.UseEmbeddedItop(sandbox);
        app.MapChatOpsBot();
        return app;
    }
}
