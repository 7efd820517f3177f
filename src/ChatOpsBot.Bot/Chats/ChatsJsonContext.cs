using System.Text.Json.Serialization;

namespace ChatOpsBot.Bot.Chats;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationReference))]
internal sealed partial class ChatsJsonContext : JsonSerializerContext;
