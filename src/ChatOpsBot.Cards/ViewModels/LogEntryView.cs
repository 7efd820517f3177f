namespace ChatOpsBot.Cards.ViewModels;

/// <summary>A case-log entry, already formatted (date in Europe/Paris); its text is plain text as typed.</summary>
public sealed record LogEntryView(string Author, string Date, string Text);
