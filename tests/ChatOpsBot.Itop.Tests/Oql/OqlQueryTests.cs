using ChatOpsBot.Itop.Oql;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Oql;

public sealed class OqlQueryTests
{
    [Fact]
    public void Reproduces_the_recorded_queries()
    {
        // 047 and 151, byte for byte.
        Assert.Equal("SELECT Person WHERE email = 'hamid.le-fleurier@insa-toulouse.fr'",
            OqlQuery.Format($"SELECT Person WHERE email = {"hamid.le-fleurier@insa-toulouse.fr"}"));
        Assert.Equal("SELECT UserRequest WHERE org_id = 3 AND status IN ('new', 'assigned')",
            OqlQuery.Format($"SELECT UserRequest WHERE org_id = {3} AND status IN {new[] { "new", "assigned" }}"));
    }

    [Theory]
    [InlineData("d'automne", @"'d\'automne'")]
    [InlineData("x' OR 1=1 OR name = '", @"'x\' OR 1=1 OR name = \''")]
    [InlineData(@"back\slash\'", @"'back\\slash\\\''")]
    [InlineData("\"double\"", "'\"double\"'")]
    [InlineData("<script>alert(1)</script>", "'<script>alert(1)</script>'")]
    [InlineData("Hélène 🎓", "'Hélène 🎓'")]
    public void Strings_are_quoted_and_escaped(string value, string expected) => Assert.Equal(expected, OqlQuery.Literal(value));

    [Fact]
    public void Hostile_text_stays_inside_one_literal()
    {
        var hostile = "' OR 1=1 UNION SELECT User WHERE '1'='1";
        var oql = OqlQuery.Format($"SELECT Person WHERE name = {hostile}");
        // Outside the literal nothing changed: strip the escaped literal and the structure is the one we wrote.
        var literal = OqlQuery.Literal(hostile);
        Assert.Equal("SELECT Person WHERE name = " + literal, oql);
        Assert.Equal(2, CountUnescapedQuotes(literal));
    }

    [Fact]
    public void Ten_thousand_characters_survive()
    {
        var text = new string('\'', 5000) + new string('a', 5000);
        var literal = OqlQuery.Literal(text);
        Assert.Equal(2, CountUnescapedQuotes(literal));
        Assert.Equal(15002, literal.Length);
    }

    [Fact]
    public void Like_drops_the_wildcard_and_escapes()
    {
        Assert.Equal(@"'%Le Fleur\'%'", OqlQuery.Literal(new OqlLike("Le Fleur'%")));
    }

    [Fact]
    public void Integers_are_invariant_and_other_types_are_refused()
    {
        Assert.Equal("SELECT Team WHERE id = 1234567", OqlQuery.Format($"SELECT Team WHERE id = {1234567}"));
        Assert.Throws<ArgumentException>(() => OqlQuery.Literal(1.5));
        Assert.Throws<ArgumentException>(() => OqlQuery.Literal(null));
        Assert.Throws<ArgumentException>(() => OqlQuery.Identifier("name; DROP"));
        Assert.Equal("caller_id", OqlQuery.Identifier("caller_id"));
    }

    private static int CountUnescapedQuotes(string s)
    {
        var count = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '\'')
            {
                count++;
            }
        }

        return count;
    }
}
