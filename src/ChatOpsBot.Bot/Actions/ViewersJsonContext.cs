using System.Text.Json.Serialization;

namespace ChatOpsBot.Bot.Actions;

[JsonSerializable(typeof(List<string>))]
internal sealed partial class ViewersJsonContext : JsonSerializerContext;
