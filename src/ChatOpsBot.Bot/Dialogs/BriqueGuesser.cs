using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Tickets.Catalog;

namespace ChatOpsBot.Bot.Dialogs;

/// <summary>
/// Guesses the brique from the words after <c>/ticket</c>: the brique whose name, services or sub-services share
/// the most significant words with the text; no guess on a tie. When the text names a sub-service (every significant
/// word of its name, accents, case and a plural's s aside), <see cref="GuessSubService"/> gives it, so the form comes
/// with brique, service and sub-service chosen.
/// </summary>
public static class BriqueGuesser
{
    private const int MinWordLength = 5;

    public static Brique? Guess(string? text, ServiceCatalog catalog, IEnumerable<Brique> candidates)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(candidates);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Words(text).ToHashSet(StringComparer.Ordinal);
        var scores = candidates
            .Select(b => (Brique: b, Score: Vocabulary(b, catalog).Count(words.Contains)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ToList();
        return scores.Count == 0 || (scores.Count > 1 && scores[1].Score == scores[0].Score) ? null : scores[0].Brique;
    }

    /// <summary>
    /// The one selectable sub-service of <paramref name="services"/> whose name's significant words are all in the text,
    /// the longest such name winning; null when none or when two tie.
    /// </summary>
    public static SubService? GuessSubService(string? text, ServiceCatalog catalog, IEnumerable<CatalogService> services)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(services);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Words(text).Select(Singular).ToHashSet(StringComparer.Ordinal);
        var named = services
            .SelectMany(s => catalog.SelectableSubServicesOf(s.Id))
            .Select(x => (SubService: x, Words: Words(x.Name).Select(Singular).ToHashSet(StringComparer.Ordinal)))
            .Where(x => x.Words.Count > 0 && x.Words.IsSubsetOf(words))
            .OrderByDescending(x => x.Words.Count)
            .ToList();
        return named.Count == 0 || (named.Count > 1 && named[1].Words.Count == named[0].Words.Count) ? null : named[0].SubService;
    }

    private static string Singular(string word) => word.Length > MinWordLength && word[^1] is 's' or 'x' ? word[..^1] : word;

    private static HashSet<string> Vocabulary(Brique brique, ServiceCatalog catalog)
    {
        var services = catalog.ServicesOf(brique).ToList();
        var names = services.Select(s => s.Name)
            .Concat(services.SelectMany(s => catalog.SubServices.Where(x => x.ServiceId == s.Id)).Select(x => x.Name))
            .Append(brique.Name);
        var vocabulary = names.SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        vocabulary.Add(Fold(brique.Name));
        return vocabulary;
    }

    private static IEnumerable<string> Words(string text) =>
        Fold(text).Split((char[])[' ', '\'', '’', '-', ',', '.', ';', ':', '!', '?', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= MinWordLength);

    private static string Fold(string text) => TextFold.Fold(text);
}
