using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Itop.Text;

/// <summary>
/// Plain text → what iTop stores. Description, solution and case-log entries are HTML attributes: everything is
/// escaped and line breaks kept. Titles are stored verbatim (contract 076), so markup is stripped and the result cut
/// to iTop's 255 characters (counted in code points, as iTop does, contract 080).
/// </summary>
public static partial class ItopText
{
    public const int TitleMaxLength = Tickets.TicketDraft.TitleMaxLength;

    /// <summary>Escapes plain text into one HTML paragraph per block, <c>&lt;br/&gt;</c> for single line breaks.</summary>
    public static string ToHtml(string? text)
    {
        var clean = Normalize(text).Trim('\n');
        if (clean.Length == 0)
        {
            return "";
        }

        var sb = new StringBuilder(clean.Length + 16);
        foreach (var paragraph in ParagraphBreak().Split(clean))
        {
            sb.Append("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append("<br/>");
                }

                Escape(lines[i], sb);
            }

            sb.Append("</p>");
        }

        return sb.ToString();
    }

    /// <summary>Escapes the five HTML-significant characters.</summary>
    public static string Escape(string? text)
    {
        var sb = new StringBuilder();
        Escape(text ?? "", sb);
        return sb.ToString();
    }

    /// <summary>A title: tags removed, whitespace collapsed, at most 255 code points (never splitting a surrogate pair).</summary>
    public static string Title(string? text)
    {
        var noTags = Tag().Replace(Normalize(text), " ");
        var collapsed = Whitespace().Replace(noTags, " ").Trim();
        var sb = new StringBuilder(Math.Min(collapsed.Length, TitleMaxLength * 2));
        var count = 0;
        foreach (var rune in collapsed.EnumerateRunes())
        {
            if (++count > TitleMaxLength)
            {
                break;
            }

            sb.Append(rune.ToString());
        }

        return sb.ToString().TrimEnd();
    }

    private static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var unified = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var sb = new StringBuilder(unified.Length);
        foreach (var rune in unified.EnumerateRunes())
        {
            // Control characters (NUL, ESC…) have no place in a ticket; a lone surrogate is dropped by EnumerateRunes.
            if (rune.Value is '\n' or '\t' || Rune.GetUnicodeCategory(rune) != UnicodeCategory.Control)
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString();
    }

    private static void Escape(string text, StringBuilder sb)
    {
        foreach (var ch in text)
        {
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => ch.ToString(),
            });
        }
    }

    [GeneratedRegex("\n[ \t]*\n+")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex("<[a-zA-Z/!?][^>]*(>|$)")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
