using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatOpsBot.Protocol.Schema;

/// <summary>Body of <c>POST v3/conversations</c> (proactive 1:1 chat or new channel thread).</summary>
public sealed class ConversationParameters
{
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool? IsGroup { get; set; }

    public ChannelAccount? Bot { get; set; }

    public IList<ChannelAccount>? Members { get; set; }

    public string? TopicName { get; set; }

    public string? TenantId { get; set; }

    public Activity? Activity { get; set; }

    public JsonElement? ChannelData { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>
    /// A 1:1 chat between the bot and one user (29:… id). Teams wants the tenant twice: <c>tenantId</c> and
    /// <c>channelData.tenant.id</c>; it answers with the existing chat when there is one.
    /// </summary>
    public static ConversationParameters Personal(string? botId, string userId, string? tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        JsonElement? channelData = null;
        if (!string.IsNullOrEmpty(tenantId))
        {
            using var document = JsonDocument.Parse(new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } }.ToJsonString());
            channelData = document.RootElement.Clone();
        }

        return new ConversationParameters
        {
            IsGroup = false,
            Bot = botId is null ? null : new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = channelData,
        };
    }
}
