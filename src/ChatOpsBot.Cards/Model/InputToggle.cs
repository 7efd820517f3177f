namespace ChatOpsBot.Cards.Model;

public sealed record InputToggle : CardInput
{
    public InputToggle(string title) => Title = title;

    public string Title { get; init; }

    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }

    public bool? Wrap { get; init; }
}
