namespace ChatOpsBot.Cards.ViewModels;

/// <param name="UserName">The greeted person's display name, when known.</param>
public sealed record WelcomeCardModel(string? UserName = null);
