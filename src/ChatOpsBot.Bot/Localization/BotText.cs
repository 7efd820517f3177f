using System.Globalization;
using System.Resources;

namespace ChatOpsBot.Bot.Localization;

/// <summary>Typed access to the bot's messages (Localization/BotStrings*.resx).</summary>
public static class BotText
{
    private static readonly ResourceManager Resources =
        new("ChatOpsBot.Bot.Localization.BotStrings", typeof(BotText).Assembly);

    public static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new KeyNotFoundException("Missing bot string: " + key);

    public static string Format(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, Get(key, culture), args);

    public static string Help(CultureInfo culture) => Get("Help", culture);

    public static string Welcome(CultureInfo culture) => Get("Welcome", culture);
}
