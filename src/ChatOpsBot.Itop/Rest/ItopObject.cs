using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Itop.Rest;

/// <summary>One entry of the envelope's <c>objects</c> map ("Class::id"); iTop sends ids and most scalars as strings.</summary>
public sealed record ItopObject(string Class, int Key, int Code, string Message, JsonObject Fields)
{
    /// <summary>A scalar field as text ("" when absent or null).</summary>
    public string Text(string field) => TextOf(Fields, field);

    /// <summary>A scalar member of any iTop JSON object as text ("" when absent or null).</summary>
    internal static string TextOf(JsonObject o, string name) => o[name] switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    /// <summary>An integer field; iTop's 0 for an unset external key becomes null.</summary>
    public int? Id(string field) =>
        int.TryParse(Text(field), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>An integer field (enum values such as urgency travel as strings).</summary>
    public int Number(string field, int fallback) =>
        int.TryParse(Text(field), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    /// <summary>A linked set (e.g. persons_list) as its objects.</summary>
    public IEnumerable<JsonObject> List(string field) =>
        Fields[field] is JsonArray a ? a.OfType<JsonObject>() : [];

    /// <summary>A case-log field (public_log, private_log) as iTop stored it.</summary>
    public IReadOnlyList<ItopCaseLogEntry> CaseLog(string field) => ItopCaseLogEntry.Read(Fields[field]);
}
