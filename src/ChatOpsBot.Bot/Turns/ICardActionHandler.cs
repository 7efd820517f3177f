using System.Globalization;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Protocol;

namespace ChatOpsBot.Bot.Turns;

/// <summary>
/// The one handler of some card routes (<see cref="CardRoute"/>), listed in <c>Conversation/CardVerbTable</c>. It gets the
/// click once the clicker is identified and the inputs are within their limits.
/// </summary>
public interface ICardActionHandler
{
    Task<CardActionResult> HandleAsync(TurnContext turn, CardActionInput input, BotUser user, CultureInfo culture, CancellationToken cancellationToken);
}
