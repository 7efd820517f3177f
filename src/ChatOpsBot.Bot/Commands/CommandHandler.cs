using System.Globalization;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Dialogs;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Bot.Viewing;
using ChatOpsBot.Bot.Routing;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Commands;

/// <summary>Runs a typed command (mention already stripped).</summary>
public sealed class CommandHandler(
    UserGate gate,
    OpenTicketDialog openTicket,
    TicketPresenter presenter,
    TicketListBuilder lists,
    TypingIndicator typing,
    SubscriptionCommands subscriptions,
    Digest.DigestCommands digests,
    NoticePreferencesHandler notices,
    ConversationReferenceStore references,
    DeskFailureReplies failures,
    Microsoft.Extensions.Logging.ILogger<CommandHandler> logger)
{
    public async Task HandleAsync(TurnContext turn, BotCommand command, string typed, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(command);
        if ((typed?.Length ?? 0) > CommandLimits.MaxTextLength)
        {
            await RefuseTooLongAsync(turn, typed!.Length, culture, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (SubscriptionCommands.Handles(command.Kind))
        {
            await subscriptions.HandleAsync(turn, command, culture, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (command.Kind == CommandKind.Digest)
        {
            await digests.HandleAsync(turn, command, culture, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (command.Kind == CommandKind.NoticePreferences)
        {
            await notices.ShowAsync(turn, culture, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (command.Kind is not (CommandKind.OpenTicket or CommandKind.ShowTicket or CommandKind.MyTickets or CommandKind.TeamTickets))
        {
            var help = BotText.Help(culture);
            if (command.UnknownInput && !string.IsNullOrWhiteSpace(typed))
            {
                // In a channel everyone reads the answer: what was typed is echoed cut and escaped.
                help = BotText.Format("Help_NotUnderstood", culture, MarkdownText.Echo(typed)) + "\n\n" + help;
            }

            await turn.SendAsync(TextMessage.Markdown(help), cancellationToken).ConfigureAwait(false);
            return;
        }

        var (user, refusal) = await gate.IdentifyAsync(turn, culture, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            await turn.SendAsync(TextMessage.Markdown(refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        await references.LinkPersonAsync(turn.Activity, user.Person.Id, cancellationToken).ConfigureAwait(false);

        try
        {
            switch (command.Kind)
            {
                case CommandKind.OpenTicket:
                    await openTicket.StartAsync(turn, user, command.Argument, culture, cancellationToken).ConfigureAwait(false);
                    break;
                case CommandKind.ShowTicket:
                {
                    var result = await presenter.ShowAsync(turn, TicketKey.Parse(NormalizeRef(command.Argument)), user, culture, cancellationToken).ConfigureAwait(false);
                    await turn.SendAsync(
                        result.Card is { } card ? CardMessage.Of(card) : TextMessage.Markdown(result.Message ?? string.Empty),
                        cancellationToken).ConfigureAwait(false);
                    break;
                }

                default:
                {
                    var scope = command.Kind == CommandKind.TeamTickets ? TicketListScope.Team : TicketListScope.Mine;
                    var card = await typing.WhileAsync(turn, ct => lists.BuildAsync(user, scope, 1, culture, ct), cancellationToken).ConfigureAwait(false);
                    await turn.SendAsync(CardMessage.Of(card), cancellationToken).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            DeskFailures.Log(logger, command.Kind.ToString(), ex, cancellationToken);
            await turn.SendAsync(TextMessage.Markdown(failures.Text(kind, culture)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A message over <see cref="CommandLimits.MaxTextLength"/>: nothing is done, the limit is named.</summary>
    public static Task RefuseTooLongAsync(TurnContext turn, int length, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.SendAsync(TextMessage.Markdown(BotText.Format("Error_CommandTooLong", culture, CommandLimits.MaxTextLength, length)), cancellationToken);
    }

    /// <summary>"123" stays an id; "R-123" / "r-000123" become iTop's ref "R-000123".</summary>
    internal static string NormalizeRef(string argument)
    {
        var text = argument.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return text;
        }

        var digits = text.TrimStart('R', 'r', '-');
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? "R-" + number.ToString("000000", CultureInfo.InvariantCulture)
            : text;
    }
}
