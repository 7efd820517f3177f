using System.Globalization;

namespace ChatOpsBot.Bot.Localization;

/// <summary>French first: English only when the Teams locale says so.</summary>
public static class BotCulture
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static CultureInfo FromLocale(string? locale) =>
        locale is not null && (locale.Equals("en", StringComparison.OrdinalIgnoreCase)
            || locale.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
            ? English
            : French;
}
