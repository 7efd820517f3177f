namespace ChatOpsBot.ItopSandbox.Model;

/// <summary>The UserRequest state machine of LIFECYCLE.md (module itop-request-mgmt-itil).</summary>
internal static class Lifecycle
{
    private static readonly Dictionary<(string From, string Stimulus), string> Transitions = new()
    {
        [("new", "ev_assign")] = "assigned",
        [("new", "ev_wait_for_approval")] = "waiting_for_approval",
        [("new", "ev_timeout")] = "escalated_tto",
        [("new", "ev_autoresolve")] = "resolved",
        [("waiting_for_approval", "ev_approve")] = "approved",
        [("waiting_for_approval", "ev_reject")] = "rejected",
        [("approved", "ev_assign")] = "assigned",
        [("approved", "ev_timeout")] = "escalated_tto",
        [("approved", "ev_autoresolve")] = "resolved",
        [("rejected", "ev_reopen")] = "new",
        [("escalated_tto", "ev_assign")] = "assigned",
        [("assigned", "ev_reassign")] = "assigned",
        [("assigned", "ev_pending")] = "pending",
        [("assigned", "ev_resolve")] = "resolved",
        [("assigned", "ev_timeout")] = "escalated_ttr",
        [("assigned", "ev_autoresolve")] = "resolved",
        [("escalated_ttr", "ev_reassign")] = "assigned",
        [("escalated_ttr", "ev_pending")] = "pending",
        [("escalated_ttr", "ev_resolve")] = "resolved",
        [("escalated_ttr", "ev_autoresolve")] = "resolved",
        [("pending", "ev_assign")] = "assigned",
        [("pending", "ev_autoresolve")] = "resolved",
        [("resolved", "ev_close")] = "closed",
        [("resolved", "ev_reopen")] = "assigned",
        [("resolved", "ev_autoresolve")] = "resolved",
    };

    /// <summary>Mandatory attributes of a target state that the PHP 8 instance actually detects as empty (non external keys).</summary>
    private static readonly Dictionary<string, string[]> CheckedMandatory = new(StringComparer.Ordinal)
    {
        ["pending"] = ["pending_reason"],
        ["resolved"] = ["solution", "resolution_code"],
    };

    /// <summary>Stopwatches and the states in which they run.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Stopwatches = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["tto"] = ["new", "approved", "escalated_tto"],
        ["ttr"] = ["new", "approved", "escalated_tto", "assigned", "escalated_ttr"],
        ["cumulatedpending"] = ["pending"],
    };

    public static readonly IReadOnlyList<string> States =
        ["new", "waiting_for_approval", "approved", "rejected", "assigned", "pending", "escalated_tto", "escalated_ttr", "resolved", "closed"];

    public static string? Target(string from, string stimulus) => Transitions.GetValueOrDefault((from, stimulus));

    public static IReadOnlyList<string> Mandatory(string target) => CheckedMandatory.GetValueOrDefault(target) ?? [];
}
