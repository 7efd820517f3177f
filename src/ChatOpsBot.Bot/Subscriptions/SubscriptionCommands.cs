using System.Globalization;
using System.Text;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Routing;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.Proactive;

namespace ChatOpsBot.Bot.Subscriptions;

/// <summary><c>/ticket abonner|abonnements|désabonner</c> in a channel (or group chat).</summary>
public sealed class SubscriptionCommands(SubscriptionStore subscriptions, DeskDirectory directory)
{
    /// <summary>
    /// What follows <c>abonner</c>/<c>désabonner</c>: a brique, team or school name (iTop names are at most 255 characters),
    /// with its kind word (README, "Input limits"). Here, not in Commands/CommandLimits: the subscriptions do not depend on
    /// the command dispatcher (ArchitectureTests found the cycle through this constant).
    /// </summary>
    public const int MaxArgumentLength = 300;

    public static bool Handles(CommandKind kind) =>
        kind is CommandKind.Subscribe or CommandKind.ListSubscriptions or CommandKind.Unsubscribe;

    public async Task HandleAsync(TurnContext turn, BotCommand command, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(command);
        var reply = await AnswerAsync(turn, command, culture, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(TextMessage.Markdown(reply), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> AnswerAsync(TurnContext turn, BotCommand command, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (SharedConversationId(turn.Activity) is not { } conversationId)
        {
            return BotText.Get("Sub_ChannelOnly", culture);
        }

        if (command.Kind == CommandKind.ListSubscriptions)
        {
            var list = await subscriptions.ListByConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (list.Count == 0)
            {
                return BotText.Get("Sub_None", culture);
            }

            var text = new StringBuilder(BotText.Get("Sub_List", culture));
            foreach (var s in list)
            {
                text.Append("\n- ").Append(KindText(s.Kind, culture)).Append(" « ").Append(MarkdownText.Escape(s.TargetName)).Append(" »");
            }

            return text.ToString();
        }

        if (string.IsNullOrWhiteSpace(command.Argument))
        {
            return BotText.Get("Sub_Usage", culture);
        }

        if (command.Argument.Length > MaxArgumentLength)
        {
            return BotText.Format("Sub_ArgumentTooLong", culture, MaxArgumentLength, command.Argument.Length);
        }

        var target = await ResolveAsync(conversationId, command.Argument, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            // The whole channel reads the answer: the unknown name is echoed cut and escaped.
            return BotText.Format("Sub_NotFound", culture, MarkdownText.Echo(command.Argument.Trim()));
        }

        var kind = KindText(target.Kind, culture);
        if (command.Kind == CommandKind.Subscribe)
        {
            var added = await subscriptions.AddAsync(target, cancellationToken).ConfigureAwait(false);
            return MarkdownText.Format(added ? "Sub_Added" : "Sub_Already", culture, kind, target.TargetName);
        }

        var removed = await subscriptions.RemoveAsync(target, cancellationToken).ConfigureAwait(false);
        return MarkdownText.Format(removed ? "Sub_Removed" : "Sub_NotSubscribed", culture, kind, target.TargetName);
    }

    /// <summary>"OpenMoodle", "brique OpenMoodle", "équipe Intervenants Moodle", "école INSA Lyon" (accents and case ignored).</summary>
    private async Task<Subscription?> ResolveAsync(string conversationId, string argument, CancellationToken cancellationToken)
    {
        var text = argument.Trim();
        SubscriptionKind? wanted = null;
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            wanted = Fold(text[..space]) switch
            {
                "brique" => SubscriptionKind.Brique,
                "equipe" or "team" => SubscriptionKind.Team,
                "ecole" or "school" => SubscriptionKind.School,
                _ => null,
            };
            if (wanted is not null)
            {
                text = text[(space + 1)..].Trim();
            }
        }

        var name = Fold(text);
        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        if (wanted is null or SubscriptionKind.Brique && catalog.Briques.FirstOrDefault(b => Fold(b.Name) == name) is { } brique)
        {
            return new Subscription(conversationId, SubscriptionKind.Brique, brique.Id, brique.Name);
        }

        if (wanted is null or SubscriptionKind.Team)
        {
            var teams = await directory.GetTeamsAsync(cancellationToken).ConfigureAwait(false);
            if (teams.FirstOrDefault(t => Fold(t.Name) == name) is { } team)
            {
                return new Subscription(conversationId, SubscriptionKind.Team, team.Id, team.Name);
            }
        }

        return wanted is null or SubscriptionKind.School
            && catalog.Organizations.FirstOrDefault(o => Fold(o.Name) == name || Fold(o.Code) == name) is { } org
            ? new Subscription(conversationId, SubscriptionKind.School, org.Id, org.Name)
            : null;
    }

    /// <summary>The channel's (or group chat's) id without its message suffix; null in a personal chat.</summary>
    internal static string? SharedConversationId(ChatOpsBot.Protocol.Schema.Activity activity)
    {
        var conversation = activity.Conversation;
        return conversation?.Id is not { Length: > 0 } rawId
            || conversation.ConversationType == "personal"
            || (conversation.ConversationType is null && conversation.IsGroup != true)
            ? null
            : TeamsConversation.BaseConversationId(rawId);
    }

    public static string KindText(SubscriptionKind kind, CultureInfo culture) => BotText.Get("Sub_Kind_" + kind, culture);

    private static string Fold(string text) => TextFold.Fold(text);
}
