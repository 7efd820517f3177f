namespace ChatOpsBot.ItopSandbox.Oql;

/// <summary>Node of a parsed OQL condition.</summary>
internal abstract record OqlExpression;

internal sealed record OqlField(string? Alias, string Code, int Position) : OqlExpression;

internal sealed record OqlLiteral(string Value) : OqlExpression;

internal sealed record OqlList(IReadOnlyList<OqlExpression> Items) : OqlExpression;

internal sealed record OqlBinary(string Operator, OqlExpression Left, OqlExpression Right) : OqlExpression;

internal sealed record OqlNot(OqlExpression Operand) : OqlExpression;
