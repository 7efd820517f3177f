using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Notifications;

/// <summary>Registers the notifications.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>The outbox and what fills it (the digest posts through it too).</summary>
    internal static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.TryAddScoped<TicketThreadStore>();
        services.TryAddScoped<Outbox>();
        services.TryAddScoped<NotificationRouter>();
        services.TryAddScoped<PersonalNotices>();
        return services;
    }

    /// <summary>
    /// Binds <see cref="NotificationOptions"/> (section "Notifications") and registers the hosted
    /// <see cref="NotificationService"/> (change feed + outbox, on the instance holding the lease). Needs
    /// <c>AddChatOpsBotConversation</c>, the state store (<c>ILeaseManager</c>) and the protocol layer.
    /// </summary>
    public static IServiceCollection AddChatOpsBotNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOutbox();

        // The turns' proactive cards go through the outbox too, unless nothing drains it (notifications turned off).
        if (configuration.GetValue(NotificationOptions.SectionName + ":" + nameof(NotificationOptions.Enabled), true))
        {
            services.Replace(ServiceDescriptor.Scoped<IProactiveMessages, OutboxProactiveMessages>());
        }

        // Who made each write of the desk, for the change feed of whichever instance polls (the desk's default records nothing).
        services.TryAddSingleton<TicketMoveStore>();
        services.Replace(ServiceDescriptor.Singleton<ChatOpsBot.Tickets.ITicketMoveLog>(sp => sp.GetRequiredService<TicketMoveStore>()));
        services.TryAddSingleton<ChangeFeedPoller>();
        services.TryAddSingleton<OutboxDeliverer>();
        services.TryAddSingleton<NotificationService>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationService>());
        return services;
    }
}
