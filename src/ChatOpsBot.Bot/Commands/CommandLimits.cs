namespace ChatOpsBot.Bot.Commands;

/// <summary>How long a typed command may be (documented in the README, "Input limits").</summary>
public static class CommandLimits
{
    /// <summary>A whole command, mention removed: <c>/ticket</c> and its free text (as long as the form's description).</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The raw text before the mention is removed: the command plus room for the <c>&lt;at&gt;…&lt;/at&gt;</c> markup.</summary>
    public const int MaxRawTextLength = MaxTextLength + 1000;
}
