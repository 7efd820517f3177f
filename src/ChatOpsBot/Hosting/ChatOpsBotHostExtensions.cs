using ChatOpsBot.Bot;
using ChatOpsBot.Notifications.Digest;
using ChatOpsBot.Notifications;
using ChatOpsBot.Itop;
using ChatOpsBot.Protocol;
using ChatOpsBot.State;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ChatOpsBot.Hosting;

/// <summary>The composition root: every layer registered from configuration, every endpoint mapped.</summary>
public static class ChatOpsBotHostExtensions
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddChatOpsBot(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddStateStore(configuration);
        builder.Services.AddBotProtocol(configuration);
        builder.Services.AddItopTicketDesk(configuration);
        builder.Services.AddChatOpsBotConversation(configuration);
        builder.Services.AddChatOpsBotNotifications(configuration);
        builder.Services.AddChatOpsBotDigest(configuration);
        builder.Services.AddHealthChecks();
        builder.AddTelemetry();
        return builder;
    }

    public static WebApplication MapChatOpsBot(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) || check.Name == "state" });
        app.MapBotMessages();
        return app;
    }
}
