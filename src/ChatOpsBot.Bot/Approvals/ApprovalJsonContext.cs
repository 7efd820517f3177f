using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOpsBot.Bot.Approvals;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApprovalRecord))]
internal sealed partial class ApprovalJsonContext : JsonSerializerContext;
