using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Bot.Digest;

/// <summary>Registers the daily digest.</summary>
public static class DigestServiceCollectionExtensions
{
    /// <summary>Binds <see cref="DigestOptions"/> (section "Digest") and the <c>/ticket résumé</c> command (called by <c>AddChatOpsBotConversation</c>).</summary>
    internal static IServiceCollection AddDigestCommands(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<DigestStore>();
        services.TryAddScoped<DigestScopes>();
        services.TryAddScoped<DigestCommands>();
        return services;
    }

    /// <summary>
    /// The hosted <see cref="DigestService"/> (on the instance holding its lease); its digests go through the outbox, which
    /// <c>AddChatOpsBotNotifications</c> delivers. Needs <c>AddChatOpsBotConversation</c> and the state store.
    /// </summary>
    public static IServiceCollection AddChatOpsBotDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDigestCommands(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DigestCalendar>();
        services.TryAddSingleton<DigestRunner>();
        services.TryAddSingleton<DigestService>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestService>());
        return services;
    }
}
