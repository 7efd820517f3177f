namespace ChatOpsBot.Cards.Model;

public sealed record InputChoice(string Title, string Value);
