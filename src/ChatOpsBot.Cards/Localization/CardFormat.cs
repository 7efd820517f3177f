using System.Globalization;

namespace ChatOpsBot.Cards.Localization;

/// <summary>Formatting helpers for callers building view-models (dates are shown in Europe/Paris).</summary>
public static class CardFormat
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Date(DateTimeOffset value, CultureInfo culture)
    {
        var resolved = CardCulture.Resolve(culture);
        var local = TimeZoneInfo.ConvertTime(value, Paris);
        return local.ToString(CardText.Get("Format_DateTime", resolved), resolved);
    }

    /// <summary>Cuts a text to <paramref name="maxLength"/> characters, ending with an ellipsis when cut.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var keep = maxLength - 1;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
