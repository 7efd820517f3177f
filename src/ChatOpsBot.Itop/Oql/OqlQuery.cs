using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Itop.Oql;

/// <summary>
/// The only way to build OQL: the query text is a compile-time format and every interpolated value becomes an escaped
/// literal (strings quoted with <c>\</c> and <c>'</c> escaped as OQL's lexer expects; numbers invariant; lists as
/// <c>('a', 'b')</c>). User text can therefore never change the query's structure.
/// </summary>
public static partial class OqlQuery
{
    /// <summary>Builds a query, e.g. <c>OqlQuery.Format($"SELECT Person WHERE email = {email}")</c>.</summary>
    public static string Format(FormattableString query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var args = query.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, query.Format, args);
    }

    /// <summary>An OQL literal for a value (string, integer, or a sequence of them for IN).</summary>
    public static string Literal(object? value) => value switch
    {
        null => throw new ArgumentException("OQL has no null literal here; use a condition on the attribute instead."),
        string s => Quote(s),
        OqlLike like => Quote("%" + like.Text.Replace("%", "", StringComparison.Ordinal) + "%"),
        int or long or short => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IEnumerable sequence => "(" + string.Join(", ", sequence.Cast<object?>().Select(Literal)) + ")",
        _ => throw new ArgumentException($"Type {value.GetType().Name} cannot be an OQL literal.", nameof(value)),
    };

    /// <summary>Checks an attribute code or class name (identifiers are never user text, but we refuse anything odd).</summary>
    public static string Identifier(string name) =>
        IdentifierPattern().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not an OQL identifier.", nameof(name));

    private static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var ch in text)
        {
            if (ch is '\\' or '\'')
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.Append('\'').ToString();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$")]
    private static partial Regex IdentifierPattern();
}
