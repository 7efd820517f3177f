using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOpsBot.Bot.Drafts;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TicketDraftState))]
[JsonSerializable(typeof(TicketOpener))]
internal sealed partial class DraftJsonContext : JsonSerializerContext;
