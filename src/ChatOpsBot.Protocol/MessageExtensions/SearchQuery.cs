using System.Globalization;
using System.Text.Json;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Protocol.MessageExtensions;

/// <summary>
/// A <c>composeExtension/query</c> invoke's value: <c>{commandId, parameters: [{name, value}], queryOptions: {skip,
/// count}}</c>. Teams always sends the command and the parameter's name; the Agents Playground sends them only when typed
/// into its form, so the text is the first parameter that is not <c>initialRun</c> whatever its name.
/// </summary>
public sealed record SearchQuery(string? CommandId, string Text, int Skip, int Count, bool InitialRun)
{
    /// <summary>Teams' page size when <c>queryOptions.count</c> is missing.</summary>
    public const int DefaultCount = 25;

    /// <summary>The most results a page may ask for.</summary>
    public const int MaxCount = 50;

    /// <summary>The parameter Teams sends when the command runs as it opens (<c>initialRun: true</c> in the manifest).</summary>
    public const string InitialRunParameter = "initialRun";

    /// <summary>Reads the invoke's value; null when it is not an object at all.</summary>
    public static SearchQuery? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        var commandId = value.TryGetProperty("commandId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var text = string.Empty;
        var initialRun = false;
        if (value.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array)
        {
            foreach (var parameter in parameters.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object))
            {
                var name = parameter.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                var given = parameter.TryGetProperty("value", out var v) ? TextOf(v) : null;
                if (string.Equals(name, InitialRunParameter, StringComparison.Ordinal))
                {
                    initialRun = true;
                }
                else if (given is not null)
                {
                    text = given;
                    break;
                }
            }
        }

        var skip = 0;
        var count = DefaultCount;
        if (value.TryGetProperty("queryOptions", out var options) && options.ValueKind == JsonValueKind.Object)
        {
            skip = Number(options, "skip") ?? 0;
            count = Number(options, "count") ?? DefaultCount;
        }

        return new SearchQuery(commandId, text.Trim(), Math.Max(0, skip), Math.Clamp(count, 1, MaxCount), initialRun);
    }

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static int? Number(JsonElement options, string name)
    {
        if (!options.TryGetProperty(name, out var value))
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
