using System.Globalization;

namespace ChatOpsBot.Itop.Text;

/// <summary>iTop dates are "yyyy-MM-dd HH:mm:ss" in the instance's timezone, without offset.</summary>
public sealed class ItopDates(TimeZoneInfo zone)
{
    private const string Format = "yyyy-MM-dd HH:mm:ss";

    public static ItopDates For(string timeZoneId) => new(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    /// <summary>An instant, or null for iTop's empty string.</summary>
    public DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) ||
            !DateTime.TryParseExact(text, [Format, "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The instant in iTop's format and timezone (for OQL comparisons).</summary>
    public string ToItop(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).ToString(Format, CultureInfo.InvariantCulture);
}
