using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Commands;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Routing;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.DataQueries;
using ChatOpsBot.Protocol.Proactive;
using ChatOpsBot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Conversation;

/// <summary>The bot's entry point: routes each activity to a command, a card action or a greeting.</summary>
public sealed class TeamsBot(
    CommandHandler commands,
    CardActionRouter cardActions,
    MessageExtensionRouter messageExtensions,
    Dialogs.DependentChoices dependentChoices,
    ConversationReferenceStore references,
    UserGate gate,
    DeskFailureReplies failures,
    ILogger<TeamsBot> logger) : IActivityHandler
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    public async Task OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var line = new TurnLine(logger, turn.Activity);
        await line.RunAsync(async () =>
        {
            await HandleActivityAsync(turn, line, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    public async Task<InvokeResponse?> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var line = new TurnLine(logger, turn.Activity) { What = turn.Activity.Name ?? "invoke" };
        return await line.RunAsync(() => HandleInvokeAsync(turn, line, cancellationToken)).ConfigureAwait(false);
    }

    private async Task HandleActivityAsync(TurnContext turn, TurnLine line, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        await references.CaptureAsync(activity, cancellationToken).ConfigureAwait(false);
        try
        {
            await DispatchAsync(turn, line, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever failed, the user gets an answer rather than silence.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && activity.Type == ActivityTypes.Message)
#pragma warning restore CA1031
        {
            Log.TurnFailed(logger, activity.Type, ex);
            await TellAsync(turn, LastResort(ex, BotCulture.FromLocale(activity.Locale), cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(TurnContext turn, TurnLine line, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            // Action.Submit (the fallback of Action.Execute) arrives as a message carrying a value and no text.
            case ActivityTypes.Message when string.IsNullOrWhiteSpace(activity.Text) && CardActionInput.FromSubmit(activity) is { } submit:
                line.What = "submit " + submit.Verb;
                await OnSubmitAsync(turn, submit, cancellationToken).ConfigureAwait(false);
                break;
            // Refused before the mention is stripped and the text parsed: a huge text is not copied around first.
            case ActivityTypes.Message when activity.Text?.Length > CommandLimits.MaxRawTextLength:
                await CommandHandler.RefuseTooLongAsync(turn, activity.Text.Length, BotCulture.FromLocale(activity.Locale), cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Message:
            {
                var typed = activity.GetTextWithoutMentions();
                var culture = BotCulture.FromLocale(activity.Locale);
                var command = CommandParser.Parse(typed);
                line.What = "command " + command.Kind + (command.UnknownInput ? " (not understood)" : string.Empty);
                await commands.HandleAsync(turn, command, typed, culture, cancellationToken).ConfigureAwait(false);
                break;
            }

            // Teams sends installationUpdate and conversationUpdate together on install: greet once.
            case ActivityTypes.InstallationUpdate when IsInstall(activity):
                line.What = "install";
                await LinkInstallerAsync(turn, cancellationToken).ConfigureAwait(false);
                await GreetAsync(turn, cancellationToken).ConfigureAwait(false);
                line.Outcome = "welcome card";
                break;
            default:
                line.Ignored = true;
                break;
        }
    }

    private async Task<InvokeResponse?> HandleInvokeAsync(TurnContext turn, TurnLine line, CancellationToken cancellationToken)
    {
        await references.CaptureAsync(turn.Activity, cancellationToken).ConfigureAwait(false);
        var culture = BotCulture.FromLocale(turn.Activity.Locale);
        if (MessageExtensionRouter.Handles(turn.Activity.Name))
        {
            return await MessageExtensionAsync(turn, line, culture, cancellationToken).ConfigureAwait(false);
        }

        if (string.Equals(turn.Activity.Name, ChoiceQuery.InvokeName, StringComparison.Ordinal))
        {
            line.What = "choices " + (ChoiceQuery.From(turn.Activity)?.Dataset is { } dataset && Cards.CardDatasets.All.Contains(dataset) ? dataset : "?");
            return await dependentChoices.AnswerAsync(turn, culture, cancellationToken).ConfigureAwait(false);
        }

        if (!string.Equals(turn.Activity.Name, AdaptiveCardActionInvoke, StringComparison.Ordinal))
        {
            line.Outcome = "invoke not supported (400)";
            // No task module, sign-in nor message-extension action: any other invoke is a request the bot does not take.
            return InvokeResponse.BadRequest("NotSupported", BotText.Get("Error_InvokeNotSupported", culture));
        }

        if (CardActionInput.FromInvoke(turn.Activity) is not { } input)
        {
            line.Outcome = "bad card data (400)";
            return InvokeResponse.Error(400, "BadRequest", BotText.Get("Error_BadCard", culture));
        }

        line.What = "card action " + input.Verb;
        CardActionResult result;
        try
        {
            result = await cardActions.RouteAsync(turn, input, culture, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A click always gets an answer Teams can show, never an HTTP 500.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.TurnFailed(logger, turn.Activity.Type, ex);
            return InvokeResponse.Message(LastResort(ex, culture, cancellationToken));
        }

        if (result.SharedCard is { } shared)
        {
            await UpdateSharedMessageAsync(turn, shared, cancellationToken).ConfigureAwait(false);
        }

        line.Outcome = result.Card is null ? "message" : "card";
        return result.Card is { } card ? CardMessage.Response(card) : InvokeResponse.Message(result.Message ?? string.Empty);
    }

    /// <summary>A search or a pasted link; whatever fails, Teams gets a sentence to show, never an HTTP 500.</summary>
    private async Task<InvokeResponse> MessageExtensionAsync(TurnContext turn, TurnLine line, System.Globalization.CultureInfo culture, CancellationToken cancellationToken)
    {
        try
        {
            var response = await messageExtensions.RouteAsync(turn, culture, cancellationToken).ConfigureAwait(false);
            line.Outcome = "results";
            return response;
        }
#pragma warning disable CA1031 // A search always gets an answer Teams can show.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.TurnFailed(logger, turn.Activity.Type, ex);
            return Protocol.MessageExtensions.MessageExtensionResult.Message(LastResort(ex, culture, cancellationToken));
        }
    }

    /// <summary>What a turn that failed where nothing caught it answers: what iTop did, if it was iTop; else "an error on my side".</summary>
    private string LastResort(Exception exception, System.Globalization.CultureInfo culture, CancellationToken cancellationToken) =>
        DeskFailures.KindOf(exception, cancellationToken) is { } kind ? failures.Text(kind, culture) : failures.Unexpected(culture);

    /// <summary>A last-resort text; a Connector that cannot take it either is only logged.</summary>
    private async Task TellAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        try
        {
            await turn.SendAsync(TextMessage.Markdown(text), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or ServiceUrlNotAllowedException)
        {
            Log.CardUpdateFailed(logger, ex);
        }
    }

    private async Task OnSubmitAsync(TurnContext turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var culture = BotCulture.FromLocale(turn.Activity.Locale);
        var result = await cardActions.RouteAsync(turn, input, culture, cancellationToken).ConfigureAwait(false);
        if (result.Card is { } card && !string.IsNullOrEmpty(turn.Activity.ReplyToId))
        {
            // No synchronous answer for Action.Submit: the message holding the card is replaced.
            await turn.UpdateActivityAsync(turn.Activity.ReplyToId, CardMessage.Of(card), cancellationToken).ConfigureAwait(false);
        }
        else if (result.Card is { } orphan)
        {
            await turn.SendAsync(CardMessage.Of(orphan), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await turn.SendAsync(TextMessage.Markdown(result.Message ?? string.Empty), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Puts the neutral card in the shared message; the listed users' clients then refresh their own view.</summary>
    private async Task UpdateSharedMessageAsync(TurnContext turn, AdaptiveCard shared, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(turn.Activity.ReplyToId))
        {
            return;
        }

        try
        {
            await turn.UpdateActivityAsync(turn.Activity.ReplyToId, CardMessage.Of(shared), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            Log.CardUpdateFailed(logger, ex);
        }
    }

    private static async Task GreetAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await turn.SendAsync(
            CardMessage.Of(WelcomeCard.Build(new WelcomeCardModel(turn.Activity.From?.Name), BotCulture.FromLocale(turn.Activity.Locale))),
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A personal install (by the user, or pushed by an admin) may be all Teams ever sends before the bot has to reach
    /// that person proactively (an approval card): the chat is linked to their iTop Person now, before the welcome card.
    /// An unknown user is told nothing here (the welcome card is the answer); a failure only leaves the chat unlinked.
    /// </summary>
    private async Task LinkInstallerAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Conversation is not { } conversation || TeamsConversation.ScopeOf(conversation) != ConversationReference.Personal)
        {
            return;
        }

        try
        {
            await gate.IdentifyAsync(turn, BotCulture.FromLocale(turn.Activity.Locale), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            Log.InstallerNotLinked(logger, ex);
        }
    }

    private static bool IsInstall(Activity activity) =>
        string.Equals(activity.Action, "add", StringComparison.Ordinal);
}
