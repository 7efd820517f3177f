using System.Text.Json.Serialization;

namespace ChatOpsBot.Bot.Rendering;

[JsonSerializable(typeof(List<string>))]
internal sealed partial class ViewersJsonContext : JsonSerializerContext;
