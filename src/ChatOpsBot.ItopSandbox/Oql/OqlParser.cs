namespace ChatOpsBot.ItopSandbox.Oql;

/// <summary>Parses the subset of OQL the corpus and a ticketing bot use.</summary>
internal sealed class OqlParser
{
    private readonly string _text;
    private readonly List<OqlToken> _tokens;
    private int _index;

    private OqlParser(string text)
    {
        _text = text;
        _tokens = OqlLexer.Tokenize(text);
    }

    public static OqlQuery Parse(string text)
    {
        var parser = new OqlParser(text);
        return parser.ParseQuery();
    }

    private OqlToken Current => _tokens[_index];

    private OqlQuery ParseQuery()
    {
        ExpectKeyword("SELECT");
        var cls = ExpectIdentifier();
        var alias = cls;
        if (IsKeyword("AS"))
        {
            _index++;
            alias = ExpectIdentifier();
        }

        var joins = new List<OqlJoin>();
        while (IsKeyword("JOIN"))
        {
            _index++;
            var joinClass = ExpectIdentifier();
            var joinAlias = joinClass;
            if (IsKeyword("AS"))
            {
                _index++;
                joinAlias = ExpectIdentifier();
            }

            ExpectKeyword("ON");
            var left = ParseField();
            string op;
            if (Current.Kind == OqlTokenKind.Symbol && Current.Text == "=")
            {
                op = "=";
            }
            else if (IsKeyword("BELOW") || IsKeyword("ABOVE"))
            {
                op = Current.Text.ToUpperInvariant();
            }
            else
            {
                throw Unexpected();
            }

            _index++;
            var right = ParseField();
            joins.Add(new OqlJoin(joinClass, joinAlias, left, op, right));
        }

        OqlExpression? where = null;
        if (IsKeyword("WHERE"))
        {
            _index++;
            where = ParseOr();
        }

        if (Current.Kind != OqlTokenKind.End)
        {
            throw Unexpected();
        }

        return new OqlQuery(_text, cls, alias, joins, where);
    }

    private OqlExpression ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("OR"))
        {
            _index++;
            left = new OqlBinary("OR", left, ParseAnd());
        }

        return left;
    }

    private OqlExpression ParseAnd()
    {
        var left = ParseUnary();
        while (IsKeyword("AND"))
        {
            _index++;
            left = new OqlBinary("AND", left, ParseUnary());
        }

        return left;
    }

    private OqlExpression ParseUnary()
    {
        if (IsKeyword("NOT"))
        {
            _index++;
            return new OqlNot(ParseUnary());
        }

        if (Current.Kind == OqlTokenKind.Symbol && Current.Text == "(")
        {
            _index++;
            var inner = ParseOr();
            ExpectSymbol(")");
            return inner;
        }

        var left = ParseOperand();
        var negate = false;
        if (IsKeyword("NOT"))
        {
            negate = true;
            _index++;
        }

        if (IsKeyword("IN"))
        {
            _index++;
            ExpectSymbol("(");
            var items = new List<OqlExpression> { ParseOperand() };
            while (Current.Kind == OqlTokenKind.Symbol && Current.Text == ",")
            {
                _index++;
                items.Add(ParseOperand());
            }

            ExpectSymbol(")");
            return new OqlBinary(negate ? "NOT IN" : "IN", left, new OqlList(items));
        }

        if (IsKeyword("LIKE"))
        {
            _index++;
            return new OqlBinary(negate ? "NOT LIKE" : "LIKE", left, ParseOperand());
        }

        if (negate)
        {
            throw Unexpected();
        }

        if (Current.Kind == OqlTokenKind.Symbol && Current.Text is "=" or "!=" or "<>" or "<" or ">" or "<=" or ">=")
        {
            var op = Current.Text == "<>" ? "!=" : Current.Text;
            _index++;
            return new OqlBinary(op, left, ParseOperand());
        }

        throw Unexpected();
    }

    private OqlExpression ParseOperand()
    {
        var token = Current;
        switch (token.Kind)
        {
            case OqlTokenKind.String:
            case OqlTokenKind.Number:
                _index++;
                return new OqlLiteral(token.Text);
            case OqlTokenKind.Identifier:
                return ParseField();
            default:
                throw Unexpected();
        }
    }

    private OqlField ParseField()
    {
        var first = Current;
        var name = ExpectIdentifier();
        if (Current.Kind == OqlTokenKind.Symbol && Current.Text == ".")
        {
            _index++;
            var codeToken = Current;
            var code = ExpectIdentifier();
            return new OqlField(name, code, codeToken.Position);
        }

        return new OqlField(null, name, first.Position);
    }

    private bool IsKeyword(string keyword) =>
        Current.Kind == OqlTokenKind.Identifier && string.Equals(Current.Text, keyword, StringComparison.OrdinalIgnoreCase);

    private void ExpectKeyword(string keyword)
    {
        if (!IsKeyword(keyword))
        {
            throw Unexpected();
        }

        _index++;
    }

    private string ExpectIdentifier()
    {
        if (Current.Kind != OqlTokenKind.Identifier)
        {
            throw Unexpected();
        }

        return _tokens[_index++].Text;
    }

    private void ExpectSymbol(string symbol)
    {
        if (Current.Kind != OqlTokenKind.Symbol || Current.Text != symbol)
        {
            throw Unexpected();
        }

        _index++;
    }

    private OqlException Unexpected()
    {
        var token = Current;
        var what = token.Kind == OqlTokenKind.End ? "End of Input" : token.Text;
        return new OqlException("OQLParserSyntaxErrorException", OqlLexer.Syntax(what, token.Text, token.Position, _text));
    }
}
