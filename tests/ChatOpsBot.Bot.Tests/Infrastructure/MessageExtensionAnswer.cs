using System.Text.Json.Nodes;

namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>The bot's answer to a message-extension invoke, read the way Teams reads it.</summary>
internal sealed record MessageExtensionAnswer(int Status, JsonObject Body)
{
    public JsonObject ComposeExtension => Body["composeExtension"]!.AsObject();

    public string Type => ComposeExtension["type"]!.GetValue<string>();

    /// <summary>The sentence of a <c>type: message</c> answer.</summary>
    public string Text => ComposeExtension["text"]!.GetValue<string>();

    public IReadOnlyList<JsonObject> Attachments =>
        ComposeExtension["attachments"]!.AsArray().Select(a => a!.AsObject()).ToList();

    /// <summary>The preview titles, "R-000012 · title".</summary>
    public IReadOnlyList<string> PreviewTitles =>
        Attachments.Select(a => a["preview"]!["content"]!["title"]!.GetValue<string>()).ToList();

    /// <summary>The references of the listed tickets, from their previews.</summary>
    public IReadOnlyList<string> Refs => PreviewTitles.Select(t => t.Split(' ')[0]).ToList();

    public static MessageExtensionAnswer Of((int Status, JsonObject? Body) response)
    {
        Assert.Equal(200, response.Status);
        Assert.NotNull(response.Body);
        return new MessageExtensionAnswer(response.Status, response.Body);
    }
}
