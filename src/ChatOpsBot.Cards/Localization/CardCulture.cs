using System.Globalization;

namespace ChatOpsBot.Cards.Localization;

/// <summary>French unless English is asked for.</summary>
public static class CardCulture
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static CultureInfo Resolve(CultureInfo? culture) =>
        culture is not null && culture.TwoLetterISOLanguageName == "en" ? English : French;
}
