using System.Text.Json.Nodes;

namespace ChatOpsBot.Bot.Testing;

/// <summary>The body of an adaptiveCard/action answer, and what the bot sent to Teams meanwhile.</summary>
public sealed record InvokeResult(JsonObject Body, IReadOnlyList<SentActivity> Sent)
{
    public string? Type => Body["type"]?.GetValue<string>();

    /// <summary>The card shown to the clicker (throws when the answer is not a card).</summary>
    public JsonObject Card =>
        Type == "application/vnd.microsoft.card.adaptive"
            ? Body["value"]!.AsObject()
            : throw new InvalidOperationException("Not a card answer: " + Body.ToJsonString());

    /// <summary>The text answer (application/vnd.microsoft.activity.message).</summary>
    public string? Message => Type == "application/vnd.microsoft.activity.message" ? Body["value"]?.GetValue<string>() : null;

    public string CardText => CardJson.AllText(Card);

    /// <summary>The shared message update (PUT) the bot made for everyone else, if any.</summary>
    public SentActivity? SharedUpdate => Sent.LastOrDefault(s => s.Method == "PUT");
}
