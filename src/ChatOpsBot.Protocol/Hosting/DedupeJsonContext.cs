using System.Text.Json.Serialization;

namespace ChatOpsBot.Protocol.Hosting;

[JsonSerializable(typeof(StoredInvokeResponse))]
internal sealed partial class DedupeJsonContext : JsonSerializerContext;
