using System.Text.Json.Serialization;

namespace ChatOpsBot.Bot.Chats;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LinkedReference))]
internal sealed partial class ChatsJsonContext : JsonSerializerContext;
