namespace ChatOpsBot.Cards.ViewModels;

/// <param name="UnrecognizedInput">What the user typed when the help answers an unknown command.</param>
public sealed record HelpCardModel(string? UnrecognizedInput = null);
