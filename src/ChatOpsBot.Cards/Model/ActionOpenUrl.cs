namespace ChatOpsBot.Cards.Model;

public sealed record ActionOpenUrl : CardAction
{
    public required Uri Url { get; init; }
}
