using System.Text.Json.Serialization;

namespace ChatOpsBot.Bot.Digest;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DigestTarget))]
internal sealed partial class DigestJsonContext : JsonSerializerContext;
