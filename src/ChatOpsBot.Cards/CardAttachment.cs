using System.Text.Json.Nodes;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.Serialization;

namespace ChatOpsBot.Cards;

/// <summary>An attachment-shaped card, ready to be copied into an activity's <c>attachments</c>.</summary>
public sealed record CardAttachment(string ContentType, JsonObject Content)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static CardAttachment From(AdaptiveCard card) =>
        new(AdaptiveCardContentType, CardSerializer.ToJsonObject(card));
}
