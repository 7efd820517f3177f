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

    /// <summary>The standard banner texts a handler may put on a card.</summary>
    public static string Notice(CardNotice notice, CultureInfo culture) => Get("Notice_" + notice, culture);
}
