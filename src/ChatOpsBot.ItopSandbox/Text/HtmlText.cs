using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatOpsBot.ItopSandbox.Text;

/// <summary>
/// HTML handling as recorded (076-078, 092, 098): sanitising keeps a whitelist of tags and attributes and drops
/// script/iframe with their content, event handlers and javascript: URLs; plain text becomes escaped HTML.
/// </summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "style", "object", "embed", "frame", "frameset", "applet", "noscript", "form",
    };

    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "b", "strong", "i", "em", "u", "s", "strike", "sub", "sup", "ul", "ol", "li", "a", "img", "span", "div",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup",
        "col", "blockquote", "pre", "code", "hr", "font", "del", "ins", "dl", "dt", "dd", "figure", "figcaption",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "style", "href", "src", "alt", "title", "class", "width", "height", "target", "colspan", "rowspan", "align",
        "border", "cellpadding", "cellspacing", "color", "size", "face", "name", "id", "data-img-id", "data-img-secret",
    };

    /// <summary>True when the text contains markup (a tag), false for plain text such as "a &lt;3".</summary>
    public static bool LooksLikeHtml(string text) => TagStart().IsMatch(text);

    /// <summary>What iTop stores for an HTML attribute (description, solution) written through REST.</summary>
    public static string ForHtmlAttribute(string value) =>
        LooksLikeHtml(value) ? Sanitize(value) : "<p>" + Escape(value) + "</p>";

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Text of an HTML fragment (tags removed, entities decoded).</summary>
    public static string StripTags(string html) => WebUtility.HtmlDecode(AnyTag().Replace(html, string.Empty));

    /// <summary>
    /// The plain <c>message</c> iTop gives beside an HTML case-log entry, as the real iTop 3.2 renders it:
    /// <c>&lt;p&gt;a&lt;/p&gt;&lt;p&gt;b&lt;br&gt;c&lt;/p&gt;&lt;ul&gt;&lt;li&gt;x&lt;/li&gt;&lt;/ul&gt;</c> → "a\n\nb\nc\n\n- x".
    /// </summary>
    public static string ToText(string html)
    {
        var text = BlockEnd().Replace(ListItem().Replace(LineBreak().Replace(html, "\n"), "- "), m => m.Value.StartsWith("</l", StringComparison.OrdinalIgnoreCase) ? "\n" : "\n\n");
        return ManyNewLines().Replace(StripTags(text), "\n\n").Trim();
    }

    // Quotes in text are stored as characters (&#39; and &quot; come back as ' and "), the rest stays escaped.
    private static string TextNode(string text) =>
        text.Replace("&#39;", "'", StringComparison.Ordinal).Replace("&#039;", "'", StringComparison.Ordinal)
            .Replace("&apos;", "'", StringComparison.Ordinal).Replace("&quot;", "\"", StringComparison.Ordinal)
            .Replace("&#34;", "\"", StringComparison.Ordinal);

    public static string Sanitize(string html)
    {
        var sb = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var m = Tag().Match(html, i);
            if (!m.Success)
            {
                sb.Append(TextNode(html[i..]));
                break;
            }

            sb.Append(TextNode(html[i..m.Index]));
            i = m.Index + m.Length;
            var closing = m.Groups["close"].Success && m.Groups["close"].Value.Length > 0;
            var name = m.Groups["name"].Value;
            if (DroppedWithContent.Contains(name))
            {
                if (!closing && !m.Value.EndsWith("/>", StringComparison.Ordinal))
                {
                    var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                    if (end < 0)
                    {
                        break;
                    }

                    var gt = html.IndexOf('>', end);
                    i = gt < 0 ? html.Length : gt + 1;
                }

                continue;
            }

            if (!AllowedTags.Contains(name))
            {
                continue;
            }

            var tag = name.ToLowerInvariant();
            if (closing)
            {
                sb.Append("</").Append(tag).Append('>');
                continue;
            }

            sb.Append('<').Append(tag);
            foreach (Match a in Attribute().Matches(m.Groups["attrs"].Value))
            {
                var attr = a.Groups["n"].Value.ToLowerInvariant();
                var value = a.Groups["dq"].Success ? a.Groups["dq"].Value
                    : a.Groups["sq"].Success ? a.Groups["sq"].Value
                    : a.Groups["uq"].Value;
                if (!AllowedAttributes.Contains(attr) || attr.StartsWith("on", StringComparison.Ordinal))
                {
                    continue;
                }

                if (attr is "href" or "src" && !SafeUrl(WebUtility.HtmlDecode(value)))
                {
                    continue;
                }

                sb.Append(' ').Append(attr).Append("=\"").Append(value.Replace("\"", "&quot;", StringComparison.Ordinal)).Append('"');
            }

            // iTop serialises void elements without the slash (<br/> is stored as <br>), checked on the real iTop 3.2.
            sb.Append('>');
        }

        return sb.ToString();
    }

    private static bool SafeUrl(string url)
    {
        var u = url.Trim();
        return u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"<[a-zA-Z/!]")]
    private static partial Regex TagStart();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<li(\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"</(p|div|li|ul|ol|h[1-6])\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyNewLines();

    [GeneratedRegex(@"<(?<close>/?)\s*(?<name>[a-zA-Z][a-zA-Z0-9]*)(?<attrs>(?:[^>""']|""[^""]*""|'[^']*')*)>|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<n>[a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<uq>[^\s""'>/]+)))?")]
    private static partial Regex Attribute();
}
