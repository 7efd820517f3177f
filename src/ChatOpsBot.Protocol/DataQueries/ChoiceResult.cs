namespace ChatOpsBot.Protocol.DataQueries;

/// <summary>One choice of an <c>application/search</c> answer, shown as <see cref="Title"/>, submitted as <see cref="Value"/>.</summary>
public sealed record ChoiceResult(string Title, string Value);
