using System.Text.RegularExpressions;
using Markdig;

namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>
/// Renders a markdown message as a CommonMark client would (Markdig) and checks that the user text in it came out as
/// text: no link, image, mention tag, raw HTML, emphasis, code, heading, list nor quote, and the text visible as typed.
/// </summary>
public static partial class MarkdownAssert
{
    /// <summary>A link hidden behind words, markup, a mention and an HTML tag: the payloads of issue 12 and friends.</summary>
    public const string Payload = "[cliquez ici](https://evil.example/phish) **urgent** _vite_ `code` <at>Tous</at> <b>gras</b> &lt;x&gt; # titre";

    /// <summary>
    /// The same, short enough to be echoed whole (an echo is cut at 100 characters), without a mention (typed in a
    /// channel, Teams' own &lt;at&gt; tags are unwrapped before the command is read).
    /// </summary>
    public const string ShortPayload = "[cliquez ici](https://evil.example/phish) **urgent** <b>gras</b> _vite_ `code`";

    public static void ShowsAsText(string? markdown, string typed)
    {
        Assert.NotNull(markdown);
        var html = Markdown.ToHtml(markdown);
        var markup = Markup().Matches(html).Select(m => m.Value).Where(t => t is not ("<p>" or "</p>")).ToList();
        Assert.True(markup.Count == 0, $"Markup {string.Join(' ', markup)} in the rendering of:\n{markdown}\n→ {html}");
        var shown = System.Net.WebUtility.HtmlDecode(Markup().Replace(html, string.Empty));
        Assert.Contains(OneLine(typed), OneLine(shown), StringComparison.Ordinal);
    }

    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
