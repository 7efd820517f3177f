namespace ChatOpsBot.Cards.Model;

/// <summary>An element an <see cref="ActionToggleVisibility"/> shows or hides (toggled when <see cref="IsVisible"/> is null).</summary>
public sealed record TargetElement(string ElementId)
{
    public bool? IsVisible { get; init; }
}
