using System.Net;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Itop.Text;

/// <summary>
/// iTop's HTML attributes (description, solution) as the plain text the domain ticket holds: the bot never sees iTop's
/// HTML. Paragraphs and line breaks become new lines, other tags are dropped, entities decoded.
/// </summary>
public static partial class ItopHtml
{
    public static string ToPlain(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var text = Tag().Replace(LineBreak().Replace(ParagraphEnd().Replace(html, "\n\n"), "\n"), string.Empty);
        return BlankLines().Replace(WebUtility.HtmlDecode(text).Replace("\r\n", "\n", StringComparison.Ordinal), "\n\n").Trim();
    }

    [GeneratedRegex(@"</(p|div)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphEnd();

    [GeneratedRegex(@"<br\s*/?>|</li\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n[ \t]*(\n[ \t]*)+", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();
}
