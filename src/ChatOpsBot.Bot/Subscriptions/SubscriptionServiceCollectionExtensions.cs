using ChatOpsBot.Bot.Chats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Bot.Subscriptions;

/// <summary>Registers who wants to hear of what, as the turns set it (called by <c>AddChatOpsBotConversation</c>).</summary>
internal static class SubscriptionServiceCollectionExtensions
{
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.TryAddScoped<ConversationReferenceStore>();
        services.TryAddScoped<PersonalChatFinder>();
        services.TryAddScoped<SubscriptionStore>();
        services.TryAddScoped<NoticePreferenceStore>();
        services.TryAddScoped<SubscriptionCommands>();
        return services;
    }
}
