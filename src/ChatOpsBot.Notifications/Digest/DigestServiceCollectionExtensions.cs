using ChatOpsBot.Bot.Digest;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Notifications.Digest;

/// <summary>Registers the daily digest's background side.</summary>
public static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// The hosted <see cref="DigestService"/> (on the instance holding its lease); its digests go through the outbox, which
    /// <c>AddChatOpsBotNotifications</c> delivers. Needs <c>AddChatOpsBotConversation</c> and the state store.
    /// </summary>
    public static IServiceCollection AddChatOpsBotDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutbox();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<DigestScopes>();
        services.TryAddSingleton<DigestCalendar>();
        services.TryAddSingleton<DigestRunner>();
        services.TryAddSingleton<DigestService>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestService>());
        return services;
    }
}
