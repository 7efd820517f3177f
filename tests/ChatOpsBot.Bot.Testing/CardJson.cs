using System.Text.Json.Nodes;

namespace ChatOpsBot.Bot.Testing;

/// <summary>Reads Adaptive Card JSON the way a Teams client would.</summary>
public static class CardJson
{
    /// <summary>The data of the first Action.Execute with this verb, looking into Action.ShowCard sub-cards too.</summary>
    public static JsonObject? FindActionData(JsonNode? node, string verb)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() == "Action.Execute" && obj["verb"]?.GetValue<string>() == verb)
                {
                    return obj["data"]?.AsObject() ?? new JsonObject();
                }

                foreach (var (key, child) in obj)
                {
                    if (key is "refresh" or "fallback")
                    {
                        continue;
                    }

                    if (FindActionData(child, verb) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                return array.Select(child => FindActionData(child, verb)).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
    }

    /// <summary>The verbs of every Action.Execute of the card body (not its refresh).</summary>
    public static IReadOnlyList<string> Verbs(JsonObject card)
    {
        var verbs = new List<string>();
        Walk(card, obj =>
        {
            if (obj["type"]?.GetValue<string>() == "Action.Execute" && obj["verb"] is { } verb)
            {
                verbs.Add(verb.GetValue<string>());
            }
        });
        return verbs.Distinct().ToList();
    }

    /// <summary>Choices (value → title) of an Input.ChoiceSet.</summary>
    public static IReadOnlyDictionary<string, string> Choices(JsonObject card, string inputId)
    {
        var choices = new Dictionary<string, string>();
        Walk(card, obj =>
        {
            if (obj["type"]?.GetValue<string>() == "Input.ChoiceSet" && obj["id"]?.GetValue<string>() == inputId && obj["choices"] is JsonArray list)
            {
                foreach (var choice in list.OfType<JsonObject>())
                {
                    choices[choice["value"]!.GetValue<string>()] = choice["title"]!.GetValue<string>();
                }
            }
        });
        return choices;
    }

    /// <summary>The pre-filled value of an input.</summary>
    public static string? InputValue(JsonObject card, string inputId)
    {
        string? value = null;
        Walk(card, obj =>
        {
            if (obj["id"]?.GetValue<string>() == inputId && obj["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true)
            {
                value ??= obj["value"]?.GetValue<string>();
            }
        });
        return value;
    }

    /// <summary>
    /// What a client sends for a card's inputs when the user changes nothing (every pre-filled value, as Teams merges them
    /// into the action's data), overridden by <paramref name="typed"/>.
    /// </summary>
    public static Dictionary<string, string> DefaultInputs(JsonObject card, IDictionary<string, string>? typed = null)
    {
        var values = new Dictionary<string, string>();
        Walk(card, obj =>
        {
            if (obj["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true
                && obj["id"]?.GetValue<string>() is { } id && obj["value"]?.GetValue<string>() is { } value)
            {
                values.TryAdd(id, value);
            }
        });
        foreach (var (key, value) in typed ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return values;
    }

    /// <summary>Every text shown (TextBlock text, TextRun text, Fact title/value), joined by newlines.</summary>
    public static string AllText(JsonObject card)
    {
        var texts = new List<string>();
        Walk(card, obj =>
        {
            switch (obj["type"]?.GetValue<string>())
            {
                case "TextBlock" or "TextRun":
                    texts.Add(obj["text"]?.GetValue<string>() ?? string.Empty);
                    break;
                case "FactSet" when obj["facts"] is JsonArray facts:
                    texts.AddRange(facts.OfType<JsonObject>().Select(f => f["title"] + " " + f["value"]));
                    break;
            }
        });
        return string.Join("\n", texts);
    }

    /// <summary>The texts a client reads as markdown: TextBlock text, Fact title and value (TextRuns are plain).</summary>
    public static IReadOnlyList<string> MarkdownTexts(JsonObject card)
    {
        var texts = new List<string>();
        Walk(card, obj =>
        {
            switch (obj["type"]?.GetValue<string>())
            {
                case "TextBlock":
                    texts.Add(obj["text"]?.GetValue<string>() ?? string.Empty);
                    break;
                case "FactSet" when obj["facts"] is JsonArray facts:
                    texts.AddRange(facts.OfType<JsonObject>().SelectMany(f => new[] { f["title"]?.ToString() ?? string.Empty, f["value"]?.ToString() ?? string.Empty }));
                    break;
            }
        });
        return texts;
    }

    public static JsonArray? RefreshUserIds(JsonObject card) => card["refresh"]?["userIds"] as JsonArray;

    private static void Walk(JsonNode? node, Action<JsonObject> visit)
    {
        switch (node)
        {
            case JsonObject obj:
                visit(obj);
                foreach (var (key, child) in obj)
                {
                    if (key is not ("fallback" or "refresh"))
                    {
                        Walk(child, visit);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Walk(child, visit);
                }

                break;
        }
    }
}
