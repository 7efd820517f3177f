using System.Globalization;
using System.Resources;

namespace ChatOpsBot.Cards.Localization;

/// <summary>Every user-visible text of the cards (Localization/CardStrings*.resx; French is the neutral language).</summary>
public static class CardText
{
    private static readonly ResourceManager Resources =
        new("ChatOpsBot.Cards.Localization.CardStrings", typeof(CardText).Assembly);

    public static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, CardCulture.Resolve(culture))
        ?? throw new KeyNotFoundException("Missing card string: " + key);

    public static string Format(string key, CultureInfo culture, params object?[] args)
    {
        var resolved = CardCulture.Resolve(culture);
        return string.Format(resolved, Get(key, resolved), args);
    }

    /// <summary>
    /// A text that counts: <c>{key}_One</c> or <c>{key}_Other</c>, with the count as <c>{0}</c>. French treats 0 and 1 as
    /// singular ("0 ticket ouvert"), English only 1 ("0 open tickets").
    /// </summary>
    public static string Plural(string key, CultureInfo culture, long count, params object?[] args)
    {
        var resolved = CardCulture.Resolve(culture);
        var one = resolved.TwoLetterISOLanguageName == "fr" ? count is 0 or 1 : count == 1;
        return Format(key + (one ? "_One" : "_Other"), resolved, [count, .. args]);
    }

    /// <summary>The standard banner texts a handler may put on a card.</summary>
    public static string Notice(CardNotice notice, CultureInfo culture) => Get("Notice_" + notice, culture);
}
