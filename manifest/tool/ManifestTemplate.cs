using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Manifest;

/// <summary>
/// Fills <c>{{NAME}}</c> placeholders inside the string values of a JSON document. The document is parsed
/// and re-serialized, so a value is always JSON-escaped (no raw text substitution).
/// </summary>
internal static partial class ManifestTemplate
{
    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Fill(string templateJson, IReadOnlyDictionary<string, string> values)
    {
        var root = JsonNode.Parse(templateJson) ?? throw new InvalidDataException("The template is the JSON literal null.");
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        root = Visit(root, values, missing);
        if (missing.Count > 0)
        {
            throw new InvalidDataException("No value for placeholder(s): " + string.Join(", ", missing));
        }

        return root.ToJsonString(Output) + "\n";
    }

    /// <summary>The placeholder names a template uses.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string templateJson) =>
        Placeholder().Matches(templateJson).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    private static JsonNode Visit(JsonNode node, IReadOnlyDictionary<string, string> values, SortedSet<string> missing)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (obj[name] is { } child && Visit(child, values, missing) is var replaced && !ReferenceEquals(replaced, child))
                    {
                        obj[name] = replaced;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item && Visit(item, values, missing) is var replaced && !ReferenceEquals(replaced, item))
                    {
                        array[i] = replaced;
                    }
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (!Placeholder().IsMatch(text))
                {
                    return node;
                }

                var filled = Placeholder().Replace(text, m =>
                {
                    var name = m.Groups["name"].Value;
                    if (values.TryGetValue(name, out var replacement))
                    {
                        return replacement;
                    }

                    missing.Add(name);
                    return m.Value;
                });
                return JsonValue.Create(filled);
            default:
                return node;
        }
    }

    [GeneratedRegex(@"\{\{(?<name>[A-Z][A-Z0-9_]*)\}\}")]
    private static partial Regex Placeholder();
}
