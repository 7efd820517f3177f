namespace ChatOpsBot.ItopSandbox.Oql;

internal enum OqlTokenKind
{
    Identifier,
    String,
    Number,
    Symbol,
    End,
}

internal readonly record struct OqlToken(OqlTokenKind Kind, string Text, int Position);
