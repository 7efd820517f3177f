namespace ChatOpsBot.ItopSandbox.Oql;

/// <summary>A parsed <c>SELECT Class [AS a] [JOIN ...] [WHERE ...]</c> query.</summary>
internal sealed record OqlQuery(
    string Text,
    string SelectClass,
    string SelectAlias,
    IReadOnlyList<OqlJoin> Joins,
    OqlExpression? Where);

internal sealed record OqlJoin(string Class, string Alias, OqlField Left, string Operator, OqlField Right);
