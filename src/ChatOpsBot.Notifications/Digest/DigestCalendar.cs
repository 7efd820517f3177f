using ChatOpsBot.Bot.Digest;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Notifications.Digest;

/// <summary>When a digest is due: a working day (not a weekend, holiday or configured day off) between the configured times.</summary>
public sealed class DigestCalendar(IOptions<DigestOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The local day whose digest is due at <paramref name="utcNow"/>, or null.</summary>
    public DateOnly? DueDay(DateTimeOffset utcNow)
    {
        var o = options.Value;
        var local = TimeZoneInfo.ConvertTime(utcNow, _zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = local.TimeOfDay;
        return IsWorkingDay(day) && time >= o.Time && time < o.LatestTime ? day : null;
    }

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !(options.Value.SkipFrenchHolidays && FrenchHolidays.IsHoliday(day))
        && !options.Value.ExtraDaysOff.Contains(day);
}
