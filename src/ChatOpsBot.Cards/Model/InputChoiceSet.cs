namespace ChatOpsBot.Cards.Model;

public sealed record InputChoiceSet : CardInput
{
    public IReadOnlyList<InputChoice> Choices { get; init; } = [];

    public ChoiceInputStyle? Style { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public bool? IsMultiSelect { get; init; }

    public bool? Wrap { get; init; }
}
