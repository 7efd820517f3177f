using System.Net;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Itop.Text;

/// <summary>
/// The first paragraph the desk writes into every case-log entry it appends
/// (<c>&lt;p&gt;&lt;strong&gt;Name via Teams&lt;/strong&gt;&lt;/p&gt;</c>): written by <see cref="Html"/>, read back by <see cref="Split"/>.
/// iTop stores every such entry under the bot's technical account; the line says who acted.
/// </summary>
public static partial class ActorLine
{
    /// <summary>The entry's HTML: the actor line ("Hamid Le Fleurier via Teams"), then the text as escaped paragraphs.</summary>
    public static string Html(string line, string text) => "<p><strong>" + ItopText.Escape(line) + "</strong></p>" + ItopText.ToHtml(text);

    public static (string? Actor, string? Body) Split(string html, string suffix)
    {
        var match = Leading().Match(html ?? string.Empty);
        if (!match.Success || string.IsNullOrEmpty(suffix))
        {
            return (null, null);
        }

        var line = WebUtility.HtmlDecode(match.Groups["line"].Value).Trim();
        if (!line.EndsWith(suffix.Trim(), StringComparison.Ordinal) || line.Length <= suffix.Trim().Length)
        {
            return (null, null);
        }

        var actor = line[..^suffix.Trim().Length].Trim();
        var rest = html![match.Length..];
        var text = WebUtility.HtmlDecode(Tags().Replace(Breaks().Replace(rest, "\n"), string.Empty)).Trim();
        return (actor, text);
    }

    [GeneratedRegex(@"^\s*<p>\s*<strong>(?<line>[^<]*)</strong>\s*</p>", RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    [GeneratedRegex(@"<br\s*/?>|</p>\s*<p>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Breaks();

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
