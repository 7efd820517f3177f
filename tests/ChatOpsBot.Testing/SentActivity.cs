using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>One activity the bot sent or updated.</summary>
public sealed record SentActivity(string Method, string ConversationId, string? TargetActivityId, string Id, JsonObject Body)
{
    /// <summary>When the loopback Connector received it.</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    public string? Type => Body["type"]?.GetValue<string>();

    public string? Text => Body["text"]?.GetValue<string>();

    public JsonObject? Card => Body["attachments"]?[0]?["content"] as JsonObject;

    public string CardText => Card?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? string.Empty;

    public override string ToString() => $"{Method} {ConversationId}/{TargetActivityId} {Type} {Text}";
}
