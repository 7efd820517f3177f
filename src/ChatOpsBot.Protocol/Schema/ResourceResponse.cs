using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOpsBot.Protocol.Schema;

/// <summary>The Connector's answer to a send, reply or update: the id of the activity.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
