using System.Globalization;
using System.Text;

namespace ChatOpsBot.ItopSandbox.Oql;

internal static class OqlLexer
{
    public static List<OqlToken> Tokenize(string query)
    {
        var tokens = new List<OqlToken>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c is '\'' or '"')
            {
                var sb = new StringBuilder();
                i++;
                while (i < query.Length && query[i] != c)
                {
                    if (query[i] == '\\' && i + 1 < query.Length)
                    {
                        i++;
                    }

                    sb.Append(query[i]);
                    i++;
                }

                if (i >= query.Length)
                {
                    throw new OqlException("OQLParserSyntaxErrorException", Syntax("End of Input", "0", 0, query));
                }

                i++;
                tokens.Add(new OqlToken(OqlTokenKind.String, sb.ToString(), start));
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < query.Length && char.IsDigit(query[i + 1])))
            {
                i++;
                while (i < query.Length && (char.IsDigit(query[i]) || query[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new OqlToken(OqlTokenKind.Number, query[start..i], start));
            }
            else if (char.IsLetter(c) || c == '_' || c == '`')
            {
                var quoted = c == '`';
                i++;
                while (i < query.Length && (char.IsLetterOrDigit(query[i]) || query[i] == '_' || (quoted && query[i] != '`')))
                {
                    i++;
                }

                if (quoted && i < query.Length)
                {
                    i++;
                }

                tokens.Add(new OqlToken(OqlTokenKind.Identifier, query[start..i].Trim('`'), start));
            }
            else
            {
                var two = i + 1 < query.Length ? query.Substring(i, 2) : string.Empty;
                if (two is "!=" or "<>" or "<=" or ">=")
                {
                    tokens.Add(new OqlToken(OqlTokenKind.Symbol, two, start));
                    i += 2;
                }
                else if ("=<>(),.".Contains(c, StringComparison.Ordinal))
                {
                    tokens.Add(new OqlToken(OqlTokenKind.Symbol, c.ToString(), start));
                    i++;
                }
                else
                {
                    throw new OqlException(
                        "OQLParserSyntaxErrorException",
                        Syntax("unexpected character", c.ToString(), start, query));
                }
            }
        }

        tokens.Add(new OqlToken(OqlTokenKind.End, "0", 0));
        return tokens;
    }

    public static string Syntax(string what, string found, int at, string query) =>
        string.Create(CultureInfo.InvariantCulture, $"Unexpected token {what} - found '{found}' at {at} in '{query}'");
}
