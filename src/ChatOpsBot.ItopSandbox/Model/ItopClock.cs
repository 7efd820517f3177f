using System.Globalization;

namespace ChatOpsBot.ItopSandbox.Model;

/// <summary>iTop dates: Europe/Paris wall clock, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
internal sealed class ItopClock(TimeProvider time)
{
    private static readonly TimeZoneInfo Paris = FindParis();

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public string Now() => Format(time.GetUtcNow());

    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Paris).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)
            || !DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        return new DateTimeOffset(local, Paris.GetUtcOffset(local));
    }

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
