namespace ChatOpsBot.Cards.ViewModels;

/// <summary>What a banner on top of a card tells: a caution (out of date, not allowed, iTop down) or good news (a resolution).</summary>
public enum NoticeTone
{
    Caution,
    Good,
}
