using System.Globalization;
using System.Text.RegularExpressions;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;

namespace ChatOpsBot.Bot.Search;

/// <summary>
/// Reads a search text, French or English, case and accents ignored: a reference (<c>R-12</c>, <c>R-000012</c>,
/// <c>12</c>), status words ("ouverts", "en attente", "résolus"…, "open", "pending"…), "à moi" / "mine", a school (its
/// name, code or a word of its name no other school has: "lyon"), a brique or service by name; the rest are words of the
/// title or of the requester's name.
/// </summary>
public static partial class SearchTextParser
{
    /// <summary>Words longer than this are cut (iTop's title is 255 characters); more words than <see cref="MaxWords"/> are dropped.</summary>
    public const int MaxWordLength = 60;

    public const int MaxWords = 8;

    private static readonly IReadOnlyList<TicketStatus> Ongoing = Enum.GetValues<TicketStatus>().Where(s => s.IsOngoing()).ToList();

    // Longest phrases first: "en attente d'approbation" before "en attente".
    private static readonly (string Phrase, IReadOnlyList<TicketStatus>? Statuses)[] StatusPhrases =
    [
        ("en attente d'approbation", [TicketStatus.WaitingForApproval]),
        ("waiting for approval", [TicketStatus.WaitingForApproval]),
        ("a approuver", [TicketStatus.WaitingForApproval]),
        ("en attente", [TicketStatus.Pending]),
        ("en cours", Ongoing),
        ("ouverts", Ongoing), ("ouvertes", Ongoing), ("ouvert", Ongoing), ("ouverte", Ongoing), ("open", Ongoing),
        ("attente", [TicketStatus.Pending]), ("pending", [TicketStatus.Pending]),
        ("nouveaux", [TicketStatus.New]), ("nouveau", [TicketStatus.New]), ("new", [TicketStatus.New]),
        ("affectes", [TicketStatus.Assigned]), ("affecte", [TicketStatus.Assigned]), ("assigned", [TicketStatus.Assigned]),
        ("resolus", [TicketStatus.Resolved]), ("resolu", [TicketStatus.Resolved]), ("resolved", [TicketStatus.Resolved]),
        ("fermes", [TicketStatus.Closed]), ("ferme", [TicketStatus.Closed]), ("clos", [TicketStatus.Closed]), ("closed", [TicketStatus.Closed]),
    ];

    private static readonly string[] MinePhrases = ["assignes a moi", "assigned to me", "a moi", "mes tickets", "my tickets", "mine"];

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "de", "des", "du", "d", "l", "un", "une", "et", "pour", "sur", "en", "a", "au", "aux",
        "the", "of", "for", "and", "to", "on", "ticket", "tickets", "mes", "my",
    };

    public static SearchCriteria Parse(string text, ServiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var folded = " " + string.Join(' ', Tokens(TextFold.Fold(text ?? string.Empty))) + " ";
        var criteria = new SearchCriteria();

        foreach (var phrase in MinePhrases)
        {
            if (Take(ref folded, phrase))
            {
                criteria = criteria with { Mine = true };
            }
        }

        foreach (var (phrase, statuses) in StatusPhrases)
        {
            if (criteria.Statuses is null && Take(ref folded, phrase))
            {
                criteria = criteria with { Statuses = statuses };
            }
        }

        var (org, afterOrg) = School(folded, catalog.Organizations);
        folded = afterOrg;
        criteria = criteria with { OrgId = org };

        var (services, afterServices) = Services(folded, catalog);
        folded = afterServices;
        criteria = criteria with { ServiceIds = services };

        var words = new List<string>();
        foreach (var token in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (criteria.Ref is null && RefPattern().Match(token) is { Success: true } match
                && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                criteria = criteria with { Ref = "R-" + number.ToString("000000", CultureInfo.InvariantCulture) };
            }
            else if (!StopWords.Contains(token) && token.Length >= 2 && words.Count < MaxWords)
            {
                words.Add(token.Length > MaxWordLength ? token[..MaxWordLength] : token);
            }
        }

        return criteria with { Words = words };
    }

    private static (int? OrgId, string Remaining) School(string folded, IReadOnlyList<Organization> organizations)
    {
        foreach (var org in organizations.OrderByDescending(o => o.Name.Length))
        {
            foreach (var name in new[] { org.Name, org.Code }.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                if (Take(ref folded, TextFold.Fold(name)))
                {
                    return (org.Id, folded);
                }
            }
        }

        // A word of one school's name only ("lyon", "toulouse"): shared words ("insa") name no school.
        var owners = organizations
            .SelectMany(o => Tokens(TextFold.Fold(o.Name)).Where(w => w.Length >= 4).Distinct().Select(w => (Word: w, o.Id)))
            .GroupBy(x => x.Word, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.Ordinal);
        foreach (var token in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (owners.TryGetValue(token, out var id) && Take(ref folded, token))
            {
                return (id, folded);
            }
        }

        return (null, folded);
    }

    private static (IReadOnlyList<int>? ServiceIds, string Remaining) Services(string folded, ServiceCatalog catalog)
    {
        foreach (var service in catalog.Services.OrderByDescending(s => s.Name.Length))
        {
            if (Take(ref folded, TextFold.Fold(service.Name)))
            {
                return ([service.Id], folded);
            }
        }

        foreach (var brique in catalog.Briques)
        {
            if (Take(ref folded, TextFold.Fold(brique.Name)))
            {
                return (catalog.ServicesOf(brique).Select(s => s.Id).ToList(), folded);
            }
        }

        return (null, folded);
    }

    /// <summary>Removes a whole-word phrase from the padded text; true when it was there.</summary>
    private static bool Take(ref string folded, string phrase)
    {
        phrase = string.Join(' ', Tokens(phrase));
        if (phrase.Length == 0)
        {
            return false;
        }

        var padded = " " + phrase + " ";
        var at = folded.IndexOf(padded, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        folded = folded[..at] + " " + folded[(at + padded.Length)..];
        return true;
    }

    private static IEnumerable<string> Tokens(string folded) =>
        TokenPattern().Matches(folded).Select(m => m.Value);

    // Letters, digits and the inner hyphen of a reference or a code ("r-000012", "insa-lyon").
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^(?:r-?)?(?<n>\d{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex RefPattern();
}
