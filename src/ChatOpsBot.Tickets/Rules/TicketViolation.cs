using System.Globalization;

namespace ChatOpsBot.Tickets.Rules;

/// <summary>One rule a draft or a move breaks: its code, the field it concerns and the arguments of its text.</summary>
public sealed record TicketViolation(TicketRuleCode Code, TicketField Field, IReadOnlyList<object> Args)
{
    public TicketViolation(TicketRuleCode code, TicketField field, params object[] args)
        : this(code, field, (IReadOnlyList<object>)args)
    {
    }

    /// <summary>The domain's text of the violation in the user's language (Resources/TicketRuleMessages*.resx).</summary>
    public string Reason(CultureInfo culture) => ToException().Reason(culture);

    /// <summary>The exception the throwing moves raise for it.</summary>
    public TicketRuleException ToException() => new(Code, Field, [.. Args]);
}
