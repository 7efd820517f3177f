using ChatOpsBot.Itop.Text;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Text;

public sealed class ItopTextTests
{
    [Theory]
    [InlineData("<script>alert('x')</script>", "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>")]
    [InlineData("<img src=x onerror=\"alert(1)\">", "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">clic</a>", "<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;clic&lt;/a&gt;</p>")]
    [InlineData("Hamid Le Fleurier d'INSA & co", "<p>Hamid Le Fleurier d&#39;INSA &amp; co</p>")]
    [InlineData("Bravo 🎉 élève 日本", "<p>Bravo 🎉 élève 日本</p>")]
    [InlineData("ligne 1\nligne 2\r\nligne 3", "<p>ligne 1<br/>ligne 2<br/>ligne 3</p>")]
    [InlineData("para 1\n\npara 2", "<p>para 1</p><p>para 2</p>")]
    [InlineData("nul\0 and esc\u001b gone", "<p>nul and esc gone</p>")]
    [InlineData("   ", "<p>   </p>")]
    [InlineData("", "")]
    public void Plain_text_becomes_escaped_html(string text, string html) => Assert.Equal(html, ItopText.ToHtml(text));

    [Fact]
    public void Html_never_contains_a_raw_angle_bracket_or_quote_from_the_text()
    {
        var hostile = "\"'><svg/onload=alert(1)><style>*{}</style>";
        var html = ItopText.ToHtml(hostile);
        var inner = html["<p>".Length..^"</p>".Length];
        Assert.DoesNotContain('<', inner);
        Assert.DoesNotContain('>', inner);
        Assert.DoesNotContain('"', inner);
        Assert.DoesNotContain('\'', inner);
    }

    [Fact]
    public void Ten_thousand_characters_are_kept_whole()
    {
        var text = string.Concat(Enumerable.Repeat("a<b>'\n", 2000));
        var html = ItopText.ToHtml(text);
        Assert.Equal(2000, html.Split("&lt;b&gt;").Length - 1);
        Assert.StartsWith("<p>a&lt;b&gt;&#39;<br/>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<b>Urgent</b> : droits <script>x</script>Moodle", "Urgent : droits x Moodle")]
    [InlineData("titre\nsur\tdeux lignes", "titre sur deux lignes")]
    [InlineData("Le Fleurier's \"cours\" < 3", "Le Fleurier's \"cours\" < 3")]
    [InlineData("quota<3 Go, <img src=x onerror=alert(1)", "quota<3 Go,")]
    [InlineData("a > b", "a > b")]
    public void Titles_are_stripped_of_markup(string text, string title) => Assert.Equal(title, ItopText.Title(text));

    [Fact]
    public void Titles_are_cut_to_255_code_points_without_splitting_an_emoji()
    {
        var title = ItopText.Title(new string('é', 254) + "🎓🎓🎓");
        Assert.Equal(255, title.EnumerateRunes().Count());
        Assert.EndsWith("🎓", title, StringComparison.Ordinal);
        Assert.Equal(255, ItopText.Title(new string('x', 10_000)).Length);
    }
}
