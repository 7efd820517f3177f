namespace ChatOpsBot.Cards.ViewModels;

/// <summary>One entry of a choice list: the value sent back and the text shown.</summary>
public sealed record ChoiceOption(string Value, string Title);
