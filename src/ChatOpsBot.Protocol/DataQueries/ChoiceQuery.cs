using System.Globalization;
using System.Text.Json;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Protocol.DataQueries;

/// <summary>
/// An <c>application/search</c> invoke: Teams asks for the choices of an Input.ChoiceSet whose <c>choices.data</c> is a
/// <c>Data.Query</c>. Its value is <c>{queryText, queryOptions: {skip, top}, dataset, data: {input id: value, …}}</c>; the
/// <c>data</c> object holds the card's other input values when the query says <c>associatedInputs: auto</c>.
/// </summary>
public sealed record ChoiceQuery(string Dataset, string Text, int Skip, int Top, IReadOnlyDictionary<string, string> Inputs)
{
    public const string InvokeName = "application/search";

    /// <summary>Teams shows at most this many choices in the dropdown (and asks for that many).</summary>
    public const int MaxTop = 15;

    /// <summary>Reads the invoke's value; null when it names no dataset.</summary>
    public static ChoiceQuery? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("dataset", out var d) || d.ValueKind != JsonValueKind.String || d.GetString() is not { Length: > 0 } dataset)
        {
            return null;
        }

        var text = value.TryGetProperty("queryText", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() ?? string.Empty : string.Empty;
        var skip = 0;
        var top = MaxTop;
        if (value.TryGetProperty("queryOptions", out var options) && options.ValueKind == JsonValueKind.Object)
        {
            skip = Number(options, "skip") ?? 0;
            top = Number(options, "top") ?? MaxTop;
        }

        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            foreach (var input in data.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                inputs[input.Name] = input.Value.GetString() ?? string.Empty;
            }
        }

        return new ChoiceQuery(dataset, text.Trim(), Math.Max(0, skip), Math.Clamp(top, 1, MaxTop), inputs);
    }

    /// <summary>An associated input's value, trimmed; null when absent or blank.</summary>
    public string? Input(string id) => Inputs.TryGetValue(id, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static int? Number(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }
}
