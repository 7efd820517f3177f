using System.Globalization;
using System.Text;

namespace ChatOpsBot.Bot.Dialogs;

/// <summary>The words of a title that say what it is about: four letters or more, not a common French or English word.</summary>
public static class TitleWords
{
    /// <summary>At most this many words are searched in iTop (the longest ones).</summary>
    public const int MaxSearched = 6;

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "pour", "avec", "dans", "sans", "sous", "chez", "vers", "depuis", "plus", "moins", "tres", "cette", "cela", "leur", "leurs",
        "notre", "votre", "nous", "vous", "elle", "elles", "sont", "etre", "avoir", "faire", "demande", "besoin", "merci", "bonjour",
        "probleme", "souci", "from", "with", "that", "this", "have", "need", "please", "request", "issue",
    };

    /// <summary>The significant words as typed (lower case), longest first.</summary>
    public static IReadOnlyList<string> Of(string? title) =>
        (title ?? string.Empty)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', '.', ';', ':', '!', '?', '(', ')', '"', '\'', '«', '»', '/', '-').ToLowerInvariant())
            .Where(w => w.Length >= 4 && w.All(char.IsLetterOrDigit) && !Common.Contains(Fold(w)))
            .DistinctBy(Fold)
            .OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)
            .ToList();

    /// <summary>How many significant words two titles share (accents and case ignored).</summary>
    public static int Shared(IReadOnlyList<string> words, string otherTitle)
    {
        ArgumentNullException.ThrowIfNull(words);
        var other = Of(otherTitle).Select(Fold).ToHashSet(StringComparer.Ordinal);
        return words.Count(w => other.Contains(Fold(w)));
    }

    /// <summary>Close titles: they share at least half of the draft's words, and two when it has more than two.</summary>
    public static bool AreClose(IReadOnlyList<string> words, string otherTitle)
    {
        ArgumentNullException.ThrowIfNull(words);
        var shared = Shared(words, otherTitle);
        return words.Count > 0 && shared >= Math.Max(Math.Min(2, words.Count), (words.Count + 1) / 2);
    }

    private static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            sb.Append(c);
        }

        return sb.ToString();
    }
}
