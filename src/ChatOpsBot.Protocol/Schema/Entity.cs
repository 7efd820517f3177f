using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOpsBot.Protocol.Schema;

/// <summary>An activity entity (<c>mention</c>, <c>clientInfo</c>...); unknown members stay in <see cref="Properties"/>.</summary>
public sealed class Entity
{
    public const string MentionType = "mention";

    public string? Type { get; set; }

    /// <summary>For a mention: who is mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>For a mention: the exact <c>&lt;at&gt;...&lt;/at&gt;</c> snippet found in the text.</summary>
    public string? Text { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
