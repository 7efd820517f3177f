using ChatOpsBot.Bot.Conversation;
using ChatOpsBot.Protocol.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Bot;

/// <summary>Registers the bot's conversation layer (routing, commands, card actions).</summary>
public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddChatOpsBotConversation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IActivityHandler, TeamsBot>();
        return services;
    }
}
