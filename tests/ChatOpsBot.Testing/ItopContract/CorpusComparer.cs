using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Testing.ItopContract;

/// <summary>
/// Compares a recorded answer with a replayed one: code, message, every returned object and field, and the order of
/// the results. Dates and the durations of iTop's stopwatches are values of the moment, ignored unless
/// <see cref="CompareTimes"/>; so are <see cref="IgnoredFields"/>.
/// </summary>
public sealed partial class CorpusComparer
{
    /// <summary>Fields whose values are durations measured by iTop's stopwatches (time-derived, like dates).</summary>
    private static readonly HashSet<string> TimeDerived = ["tto", "ttr", "cumulatedpending", "time_spent"];

    public bool CompareTimes { get; init; }

    /// <summary>Field names whose values are not compared (they must still be there).</summary>
    public IReadOnlySet<string> IgnoredFields { get; init; } = new HashSet<string>();

    /// <param name="refs">recorded ref → replayed ref, for refs of objects created by the replay.</param>
    public void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> diffs, IReadOnlyDictionary<string, string>? refs = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diffs);
        var field = path[(path.LastIndexOf('.') + 1)..];
        if ((!CompareTimes && TimeDerived.Contains(field)) || (IgnoredFields.Contains(field) && actual is not null))
        {
            return;
        }

        switch (expected)
        {
            case null:
                if (actual is not null)
                {
                    diffs.Add($"{path}: expected null, got {Short(actual)}");
                }

                return;
            case JsonObject eo:
                CompareObjects(eo, actual, path, diffs, refs);
                return;
            case JsonArray ea:
                if (actual is not JsonArray aa || aa.Count != ea.Count)
                {
                    diffs.Add($"{path}: expected {ea.Count} items, got {Short(actual)}");
                    return;
                }

                for (var i = 0; i < ea.Count; i++)
                {
                    Compare(ea[i], aa[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", diffs, refs);
                }

                return;
            default:
                var e = expected.ToJsonString();
                var a = actual is JsonValue ? actual.ToJsonString() : null;
                if (e == a || (!CompareTimes && IsDate(e) && IsDate(a)) || (refs is not null && refs.TryGetValue(expected.ToString(), out var mapped) && a == JsonValue.Create(mapped).ToJsonString()))
                {
                    return;
                }

                diffs.Add($"{path}: expected {Short(expected)}, got {Short(actual)}");
                return;
        }
    }

    private void CompareObjects(JsonObject eo, JsonNode? actual, string path, List<string> diffs, IReadOnlyDictionary<string, string>? refs)
    {
        if (actual is not JsonObject ao)
        {
            diffs.Add($"{path}: expected object, got {Short(actual)}");
            return;
        }

        // The order of results is compared too, except for history objects: iTop orders them by date only and
        // MySQL returns same-second ties in no defined order (155, 158, 159).
        if (path == "body.objects" && !eo.All(p => p.Key.StartsWith("CMDBChange", StringComparison.Ordinal))
            && !eo.Select(p => p.Key).SequenceEqual(ao.Select(p => p.Key)))
        {
            diffs.Add($"{path}: order {string.Join(",", eo.Select(p => p.Key).Take(8))} vs {string.Join(",", ao.Select(p => p.Key).Take(8))}");
        }

        foreach (var missing in eo.Select(p => p.Key).Except(ao.Select(p => p.Key)))
        {
            diffs.Add($"{path}: missing '{missing}'");
        }

        foreach (var extra in ao.Select(p => p.Key).Except(eo.Select(p => p.Key)))
        {
            diffs.Add($"{path}: unexpected '{extra}'");
        }

        // A history entry of a stopwatch (CMDBChangeOpSetAttributeScalar of time_spent) holds durations too.
        var timeDerivedChange = !CompareTimes && eo["attcode"] is JsonValue attcode && TimeDerived.Contains(attcode.ToString());
        foreach (var (key, value) in eo)
        {
            if (ao.ContainsKey(key) && !(timeDerivedChange && key is "oldvalue" or "newvalue"))
            {
                Compare(value, ao[key], path + "." + key, diffs, refs);
            }
        }
    }

    private static bool IsDate(string? json) => json is not null && DatePattern().IsMatch(json);

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 160 ? text[..160] + "…" : text;
    }

    [GeneratedRegex("^\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\"$")]
    private static partial Regex DatePattern();
}
