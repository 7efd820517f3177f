using System.Text.Json;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.Serialization;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Bot.Turns;

/// <summary>Cards as outgoing activities and as invoke responses.</summary>
public static class CardMessage
{
    public static Activity Of(AdaptiveCard card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = ToElement(card) }],
    };

    public static InvokeResponse Response(AdaptiveCard card) => InvokeResponse.Card(ToElement(card));

    public static JsonElement ToElement(AdaptiveCard card)
    {
        using var document = JsonDocument.Parse(CardSerializer.ToJson(card));
        return document.RootElement.Clone();
    }
}
