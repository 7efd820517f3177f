namespace ChatOpsBot.Cards.Model;

/// <summary>The root <c>msteams</c> property (Teams only; not part of the Adaptive Card schema).</summary>
public sealed record TeamsCardProperties
{
    public string? Width { get; init; }
}
