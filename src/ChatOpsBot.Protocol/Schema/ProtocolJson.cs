using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatOpsBot.Protocol.Schema;

/// <summary>The one set of JSON options used on the wire.</summary>
public static class ProtocolJson
{
    /// <summary>
    /// Web defaults (camelCase, case-insensitive read), nulls omitted on write; protocol types come from
    /// <see cref="ProtocolJsonContext"/>, other types (invoke response bodies) fall back to reflection.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ProtocolJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }
}
