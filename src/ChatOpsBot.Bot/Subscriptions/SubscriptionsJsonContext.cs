using System.Text.Json.Serialization;

namespace ChatOpsBot.Bot.Subscriptions;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Subscription))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class SubscriptionsJsonContext : JsonSerializerContext;
