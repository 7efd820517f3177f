namespace ChatOpsBot.Cards.ViewModels;

/// <summary>A public-log entry, already formatted (date in Europe/Paris).</summary>
public sealed record LogEntryView(string Author, string Date, string Text);
