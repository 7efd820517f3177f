using System.Globalization;
using System.Resources;
using ChatOpsBot.Tickets.Lifecycle;

namespace ChatOpsBot.Tickets.Rules;

/// <summary>User-readable texts of the domain (French by default, English for "en" cultures).</summary>
public static class TicketTexts
{
    private static readonly ResourceManager Resources =
        new("ChatOpsBot.Tickets.Resources.TicketRuleMessages", typeof(TicketTexts).Assembly);

    /// <summary>The French culture, the default of the bot.</summary>
    public static CultureInfo French { get; } = CultureInfo.GetCultureInfo("fr");

    /// <summary>The English culture.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>The label of a status ("Assigné" / "Assigned").</summary>
    public static string StatusLabel(TicketStatus status, CultureInfo culture) => Get("Status_" + status.ToCode(), culture);

    /// <summary>The verb of a stimulus ("assigner" / "assign").</summary>
    public static string StimulusLabel(TicketStimulus stimulus, CultureInfo culture) => Get("Stimulus_" + stimulus.ToCode(), culture);

    /// <summary>
    /// The case-log line (French, as everything the bot writes into iTop) recording a write made from Teams, e.g.
    /// "Assigné à Hamid Le Fleurier (Intervenants Moodle)." then, on its own line, what the user wrote with it.
    /// </summary>
    /// <param name="what">A stimulus code (<c>ev_assign</c> …), <c>hand_over</c> or <c>created</c>.</param>
    public static string LogLine(string what, string? detail, params string?[] args)
    {
        var line = string.Format(French, Get("Log_" + what, French), args);
        return string.IsNullOrWhiteSpace(detail) ? line : line + "\n" + detail.Trim();
    }

    /// <summary>The reason of a refusal, formatted with its arguments.</summary>
    public static string Reason(TicketRuleCode code, CultureInfo culture, params object[] args) =>
        string.Format(culture, Get(code.ToString(), culture), args);

    private static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new InvalidOperationException("Missing text " + key);
}
