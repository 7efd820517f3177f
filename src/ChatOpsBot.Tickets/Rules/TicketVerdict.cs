namespace ChatOpsBot.Tickets.Rules;

/// <summary>What the rules say of a draft or a move: every violation, or, when there is none, the move to make.</summary>
public sealed class TicketVerdict<T>
    where T : class
{
    internal TicketVerdict(T? value, IReadOnlyList<TicketViolation> violations)
    {
        Value = value;
        Violations = violations;
    }

    /// <summary>The move, null when a rule is broken.</summary>
    public T? Value { get; }

    /// <summary>Every rule broken, the move's own (its state) first, then its inputs in the order a form shows them.</summary>
    public IReadOnlyList<TicketViolation> Violations { get; }

    public bool IsAllowed => Violations.Count == 0;

    /// <summary>The move, or <see cref="TicketRuleException"/> for the first violation.</summary>
    public T OrThrow() => Violations.Count > 0 ? throw Violations[0].ToException() : Value!;
}
