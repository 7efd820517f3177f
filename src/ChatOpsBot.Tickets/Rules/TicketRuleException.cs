using System.Globalization;
using ChatOpsBot.Tickets.Lifecycle;

namespace ChatOpsBot.Tickets.Rules;

/// <summary>A move the lifecycle or the catalog refuses, detected before any call to iTop.</summary>
public sealed class TicketRuleException : Exception
{
    private readonly object[] _args;

    public TicketRuleException(TicketRuleCode code, params object[] args)
        : this(code, TicketField.None, args)
    {
    }

    public TicketRuleException(TicketRuleCode code, TicketField field, params object[] args)
        : base(Format(code, TicketTexts.French, args))
    {
        Code = code;
        Field = field;
        _args = args;
    }

    public TicketRuleException()
        : this(TicketRuleCode.TransitionNotAllowed, "?", "?")
    {
    }

    public TicketRuleException(string message)
        : base(message)
    {
        _args = [];
    }

    public TicketRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        _args = [];
    }

    /// <summary>The machine code of the refusal.</summary>
    public TicketRuleCode Code { get; }

    /// <summary>The field the refusal concerns (<see cref="TicketField.None"/>: the move itself).</summary>
    public TicketField Field { get; }

    /// <summary>The reason in French.</summary>
    public string ReasonFr => Reason(TicketTexts.French);

    /// <summary>The reason in English.</summary>
    public string ReasonEn => Reason(TicketTexts.English);

    /// <summary>The reason in the user's language (statuses and actions are translated too).</summary>
    public string Reason(CultureInfo culture) => Format(Code, culture, _args);

    private static string Format(TicketRuleCode code, CultureInfo culture, object[] args) =>
        TicketTexts.Reason(code, culture, args.Select(a => Localize(a, culture)).ToArray());

    private static object Localize(object arg, CultureInfo culture) => arg switch
    {
        TicketStatus s => TicketTexts.StatusLabel(s, culture),
        TicketStimulus s => TicketTexts.StimulusLabel(s, culture),
        _ => arg,
    };
}
