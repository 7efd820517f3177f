using System.Globalization;
using System.Text.Json;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.Serialization;
using ChatOpsBot.Protocol.Schema;

namespace ChatOpsBot.Bot.Turns;

/// <summary>
/// A card action as it arrived (Action.Execute invoke or Action.Submit message): the verb, the data the card
/// carried and the input values merged into it. None of it is trusted.
/// </summary>
public sealed class CardActionInput
{
    /// <summary>Longer than any verb of <see cref="CardVerbs.All"/>: anything longer is not a card of this bot.</summary>
    public const int MaxVerbLength = 64;

    private readonly JsonElement _values;

    private CardActionInput(string verb, CardActionData data, JsonElement values, bool isExecute)
    {
        Verb = verb;
        Data = data;
        _values = values;
        IsExecute = isExecute;
    }

    public string Verb { get; }

    public CardActionData Data { get; }

    /// <summary>True for Action.Execute (answered in the invoke response), false for the Action.Submit fallback.</summary>
    public bool IsExecute { get; }

    /// <summary>The card's ticket id, when it names a well-formed one.</summary>
    public int? TicketId =>
        int.TryParse(Data.TicketId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>An input value, trimmed; null when absent or blank.</summary>
    public string? Get(string inputId)
    {
        if (_values.ValueKind != JsonValueKind.Object || !_values.TryGetProperty(inputId, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => TextOf(value),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public int? GetInt(string inputId) =>
        int.TryParse(Get(inputId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    public bool GetBool(string inputId) =>
        string.Equals(Get(inputId), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads an <c>adaptiveCard/action</c> invoke; null when it is not a usable Action.Execute.</summary>
    public static CardActionInput? FromInvoke(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var data = action.TryGetProperty("data", out var d) ? d : default;
        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? TextOf(v) : null;
        return Create(verb, data, isExecute: true);
    }

    /// <summary>Reads an Action.Submit (a message whose value is the data merged with the inputs).</summary>
    public static CardActionInput? FromSubmit(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Value is { ValueKind: JsonValueKind.Object } value ? Create(null, value, isExecute: false) : null;
    }

    /// <summary>The input values as they arrived (what the input limits are checked on).</summary>
    public IEnumerable<(string InputId, string Text)> Texts()
    {
        if (_values.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in _values.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && TextOf(property.Value) is { } text)
            {
                yield return (property.Name, text);
            }
        }
    }

    private static CardActionInput? Create(string? verb, JsonElement data, bool isExecute)
    {
        // An action may carry no data at all (default element): nothing to read, nothing to keep.
        var hasData = data.ValueKind == JsonValueKind.Object;
        var parsed = hasData ? CardSerializer.ReadActionData(data) : null;
        var effectiveVerb = !string.IsNullOrEmpty(verb) ? verb : parsed?.Verb;
        if (string.IsNullOrEmpty(effectiveVerb) || effectiveVerb.Length > MaxVerbLength)
        {
            return null;
        }

        return new CardActionInput(effectiveVerb, parsed ?? new CardActionData(effectiveVerb), hasData ? data.Clone() : default, isExecute);
    }

    /// <summary>
    /// The string, or null when it is not text (an escaped lone surrogate makes <see cref="JsonElement.GetString"/>
    /// throw; the endpoint refuses such bodies, this keeps an activity built in memory from failing the turn).
    /// </summary>
    private static string? TextOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
