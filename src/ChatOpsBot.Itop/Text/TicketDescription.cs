using System.Text.RegularExpressions;

namespace ChatOpsBot.Itop.Text;

/// <summary>
/// UserRequest has no attribute for the school's own reference nor for the user's verbatim words (an unknown attribute is
/// refused, contract 086), so the desk writes them after the description, labelled in French (the group's iTop
/// language, whatever the writer's), and reads them back into the domain ticket's fields. Written by
/// <see cref="ToHtml"/>, read by <see cref="Parse"/>, which also reads the labels older versions wrote ("User's words:",
/// "Référence école :", "School reference:").
/// </summary>
public static partial class TicketDescription
{
    public const string UserWordsLabel = "Propos de l'utilisateur";

    public const string SchoolReferenceLabel = "Référence établissement";

    /// <summary>The description attribute's HTML: the description's paragraphs, then the user's words, then the reference.</summary>
    public static string ToHtml(string description, string? userWords, string? schoolReference)
    {
        var html = ItopText.ToHtml(description);
        if (!string.IsNullOrWhiteSpace(userWords))
        {
            html += ItopText.ToHtml(UserWordsLabel + " : « " + userWords.Trim() + " »");
        }

        if (!string.IsNullOrWhiteSpace(schoolReference))
        {
            html += "<p>" + SchoolReferenceLabel + " : " + ItopText.Escape(schoolReference.Trim()) + "</p>";
        }

        return html;
    }

    /// <summary>The plain-text description, the user's words and the school's reference of a stored description.</summary>
    public static Parts Parse(string? html)
    {
        var text = ItopHtml.ToPlain(html);
        string? reference = null;
        if (ReferenceLine().Match(text) is { Success: true } line)
        {
            reference = line.Groups["ref"].Value.Trim();
            text = text[..line.Index].TrimEnd();
        }

        string? words = null;
        if (WordsBlock().Match(text) is { Success: true } block)
        {
            words = block.Groups["words"].Value.Trim();
            text = text[..block.Index].TrimEnd();
        }

        return new Parts(text, NullIfEmpty(words), NullIfEmpty(reference));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The three parts the desk writes into the description, as plain text.</summary>
    public sealed record Parts(string Description, string? UserWords, string? SchoolReference);

    // The last line of the text, after the user's words if any.
    [GeneratedRegex(@"(?:^|\n)[ \t]*(?:R[ée]f[ée]rence (?:de l'[ée]cole|[ée]cole|[ée]tablissement)|School reference)[ \t\u00A0]*:[ \t]*(?<ref>[^\n]*?)[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceLine();

    // The end of the text: the label, the quoted words (any lines), the closing quote.
    [GeneratedRegex(@"(?:^|\n)[ \t]*(?:Propos de l'utilisateur[ \t\u00A0]*:[ \t]*«|User's words:[ \t]*“)(?<words>.*?)(?:»|”)[ \t]*$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex WordsBlock();
}
