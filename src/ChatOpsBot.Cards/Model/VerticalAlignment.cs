using System.Text.Json.Serialization;

namespace ChatOpsBot.Cards.Model;

[JsonConverter(typeof(JsonStringEnumConverter<VerticalAlignment>))]
public enum VerticalAlignment
{
    [JsonStringEnumMemberName("top")]
    Top,

    [JsonStringEnumMemberName("center")]
    Center,

    [JsonStringEnumMemberName("bottom")]
    Bottom,
}
