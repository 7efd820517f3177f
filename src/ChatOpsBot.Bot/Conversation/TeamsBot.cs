using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Routing;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.Hosting;
using ChatOpsBot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Conversation;

/// <summary>The bot's entry point: routes each activity to a command, a card action or a greeting.</summary>
public sealed class TeamsBot(ILogger<TeamsBot> logger) : IActivityHandler
{
    public async Task OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turn, cancellationToken);
                break;
            // Teams sends installationUpdate and conversationUpdate together on install: greet once.
            case ActivityTypes.InstallationUpdate when IsInstall(activity):
                await GreetAsync(turn, cancellationToken);
                break;
            default:
                Log.ActivityIgnored(logger, activity.Type);
                break;
        }
    }

    public Task<InvokeResponse?> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult<InvokeResponse?>(null);

    private static async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var culture = BotCulture.FromLocale(turn.Activity.Locale);
        var command = CommandParser.Parse(turn.Activity.GetTextWithoutMentions());
        switch (command.Kind)
        {
            default:
                await turn.SendAsync(TextMessage.Markdown(BotText.Help(culture)), cancellationToken);
                break;
        }
    }

    private static Task GreetAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.SendAsync(TextMessage.Markdown(BotText.Welcome(BotCulture.FromLocale(turn.Activity.Locale))), cancellationToken);

    private static bool IsInstall(Activity activity) =>
        string.Equals(activity.Action, "add", StringComparison.Ordinal);
}
