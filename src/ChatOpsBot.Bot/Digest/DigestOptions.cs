using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Bot.Digest;

/// <summary>Options bound from the <c>Digest</c> section: the daily digest of subscribed channels and of the people who asked for it.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>Runs the digest job on this instance (when it holds the lease).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Local time of the digest, in <see cref="TimeZone"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:00")]
    public TimeSpan Time { get; set; } = new(8, 30, 0);

    /// <summary>
    /// A digest not sent by this local time (the bot was down) is not sent that day: a morning digest in the evening
    /// would mislead more than it helps.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan LatestTime { get; set; } = new(12, 0, 0);

    /// <summary>IANA time zone of <see cref="Time"/>.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>Skips the French public holidays (fixed ones, Easter Monday, Ascension, Whit Monday).</summary>
    public bool SkipFrenchHolidays { get; set; } = true;

    /// <summary>More days off (e.g. Good Friday and 26 December in Alsace-Moselle, a "pont"), as yyyy-MM-dd.</summary>
    public List<DateOnly> ExtraDaysOff { get; set; } = [];

    /// <summary>A ticket pending longer than this many days is listed.</summary>
    [Range(1, 365)]
    public int PendingDays { get; set; } = 5;

    /// <summary>How often the lease holder looks whether a digest is due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The digest job's lease: renewed every third of it, taken over by another instance when it lapses.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tickets read per digest (one iTop query).</summary>
    [Range(1, 500)]
    public int MaxTickets { get; set; } = 500;
}
