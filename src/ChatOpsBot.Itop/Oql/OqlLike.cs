namespace ChatOpsBot.Itop.Oql;

/// <summary>A "contains" pattern for LIKE: rendered as <c>'%text%'</c>, escaped; a <c>%</c> in the text is dropped.</summary>
public sealed record OqlLike(string Text);
