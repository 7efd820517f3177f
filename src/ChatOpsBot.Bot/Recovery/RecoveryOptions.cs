using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Bot.Recovery;

/// <summary>Section "Recovery": how the bot notices work another (dead) instance left half done, and finishes it.</summary>
public sealed class RecoveryOptions
{
    public const string SectionName = "Recovery";

    /// <summary>An instance not heard of for this long is dead: the work it held is taken over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often unfinished work is looked at.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after a first failure to finish (iTop down, the bot's account refused); doubled at each failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Work held this long, even by a live instance, is stuck (its turn died without letting go) and is taken over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromMinutes(2);
}
