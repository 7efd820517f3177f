using System.Text.Json.Serialization;
using ChatOpsBot.Cards.Model;

namespace ChatOpsBot.Cards.Serialization;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(CardActionData))]
internal sealed partial class CardJsonContext : JsonSerializerContext;
