using ChatOpsBot.Cards.Model;

namespace ChatOpsBot.Bot.Turns;

/// <summary>
/// What a card action is routed on: its verb, and whether it comes from an approval card (the approval card's refresh is
/// not the ticket card's). Lists and forms carry other scopes, which do not change the route.
/// </summary>
public readonly record struct CardRoute(string Verb, bool FromApprovalCard)
{
    public static CardRoute Of(CardActionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Of(input.Verb, input.Data.Scope);
    }

    public static CardRoute Of(string verb, string? scope) =>
        new(verb, string.Equals(scope, CardActionData.ApprovalScope, StringComparison.Ordinal));

    public override string ToString() => FromApprovalCard ? Verb + " (approval card)" : Verb;
}
