namespace ChatOpsBot.Tickets.Rules;

/// <summary>Collects the violations of one check.</summary>
internal sealed class TicketViolations : List<TicketViolation>
{
    /// <summary>Records the violation unless <paramref name="holds"/>; returns whether the rule holds.</summary>
    public bool Require(bool holds, TicketRuleCode code, TicketField field, params object[] args)
    {
        if (!holds)
        {
            Add(new TicketViolation(code, field, args));
        }

        return holds;
    }

    public TicketVerdict<T> Verdict<T>(Func<T> make)
        where T : class => Count > 0 ? new TicketVerdict<T>(null, this) : new TicketVerdict<T>(make(), []);
}
