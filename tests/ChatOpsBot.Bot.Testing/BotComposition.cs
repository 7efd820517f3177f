using ChatOpsBot.Bot.Digest;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Itop;
using ChatOpsBot.Notifications;
using ChatOpsBot.Notifications.Digest;
using ChatOpsBot.Protocol;
using ChatOpsBot.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Testing;

/// <summary>The bot's services as the host composes them, on a loopback test host, with the test's log capture.</summary>
internal static class BotComposition
{
    public static void Add(WebApplicationBuilder builder, ILoggerProvider logs, bool notifications, Action<IServiceCollection>? extra, bool digest = false)
    {
        builder.Logging.AddProvider(logs);
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddStateStore(builder.Configuration);
        builder.Services.AddItopTicketDesk(builder.Configuration);
        builder.Services.AddChatOpsBotConversation(builder.Configuration);
        if (notifications)
        {
            builder.Services.AddChatOpsBotNotifications(builder.Configuration);
        }

        if (digest)
        {
            builder.Services.AddChatOpsBotDigest(builder.Configuration);
        }

        extra?.Invoke(builder.Services);
    }
}
