using System.Globalization;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.LinkUnfurling;
using ChatOpsBot.Bot.Search;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.MessageExtensions;

namespace ChatOpsBot.Bot.Conversation;

/// <summary>The message extension's invokes: the ticket search and link unfurling. Anything else is not one of them (null).</summary>
public sealed class MessageExtensionRouter(TicketSearchHandler search, LinkUnfurlHandler links)
{
    public static bool Handles(string? invokeName) => invokeName is
        MessageExtensionInvokes.Query or MessageExtensionInvokes.QueryLink or MessageExtensionInvokes.AnonymousQueryLink;

    public async Task<InvokeResponse> RouteAsync(TurnContext turn, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (activity.Name == MessageExtensionInvokes.Query)
        {
            return SearchQuery.From(activity) is { } query
                ? await search.HandleAsync(turn, query, culture, cancellationToken).ConfigureAwait(false)
                : MessageExtensionResult.Message(BotText.Get("Search_BadQuery", culture));
        }

        return await links.HandleAsync(
            turn, LinkQuery.UrlOf(activity), activity.Name == MessageExtensionInvokes.AnonymousQueryLink, culture, cancellationToken).ConfigureAwait(false);
    }
}
