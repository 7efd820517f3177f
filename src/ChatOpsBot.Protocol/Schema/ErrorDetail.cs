using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOpsBot.Protocol.Schema;

/// <summary>The <c>error</c> member of <see cref="ErrorResponse"/>.</summary>
public sealed class ErrorDetail
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
