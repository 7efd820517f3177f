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
        services.TryAddScoped<DigestCommands>();
        return services;
    }
}
