using System.Globalization;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Tickets.Rules;

namespace ChatOpsBot.Bot.Turns;

/// <summary>
/// Where a form shows the domain's violations: each <see cref="TicketField"/> it has an input for, with the bot's wording
/// there when the code's would not fit (e.g. a missing team in the reassign form is said under its agent list).
/// </summary>
public sealed class FormFields
{
    private readonly Dictionary<TicketField, (string Input, string? Wording)> _inputs = [];

    /// <summary>The fields this form has an input for.</summary>
    public IReadOnlyCollection<TicketField> Fields => _inputs.Keys;

    /// <summary>The inputs this form shows violations under.</summary>
    public IEnumerable<string> Inputs => _inputs.Values.Select(v => v.Input).Distinct(StringComparer.Ordinal);

    public FormFields Map(TicketField field, string inputId, string? wording = null)
    {
        _inputs.Add(field, (inputId, wording));
        return this;
    }

    /// <summary>The input a violation of <paramref name="field"/> is shown under; null when the form has none.</summary>
    public string? InputOf(TicketField field) => _inputs.TryGetValue(field, out var input) ? input.Input : null;

    /// <summary>
    /// Adds to <paramref name="errors"/> the first violation of each input (an error already there stays) and returns whether
    /// any was mapped; violations of fields without an input are left to the caller.
    /// </summary>
    public bool AddErrors(IDictionary<string, string> errors, IEnumerable<TicketViolation> violations, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(violations);
        var mapped = false;
        foreach (var violation in violations)
        {
            if (_inputs.TryGetValue(violation.Field, out var input))
            {
                mapped = true;
                errors.TryAdd(input.Input, RuleTexts.Of(violation, culture, input.Wording));
            }
        }

        return mapped;
    }
}
