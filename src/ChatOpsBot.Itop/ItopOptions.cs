using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Itop;

/// <summary>Section "Itop". BaseUrl may be left empty in configuration and set in code (the host starts the sandbox).</summary>
public sealed class ItopOptions
{
    public const string SectionName = "Itop";

    /// <summary>Root of the iTop instance, e.g. https://itop.example.org/ (rest.php is under webservices/).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Application token (authent-token), sent as the Auth-Token header; preferred.</summary>
    public string? Token { get; set; }

    /// <summary>Account for HTTP Basic authentication when no token is set.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    [Required]
    public string Version { get; set; } = "1.4";

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long catalog, teams and people stay cached.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Appended to the actor's name in the REST comment: "Hamid Le Fleurier via Teams".</summary>
    public string CommentSuffix { get; set; } = " via Teams";

    /// <summary>
    /// The login iTop writes on the case-log entries the bot appends (its account's friendly name: the token's account,
    /// e.g. "teams-bot-token"). Only entries under that login are believed when they name a Teams person, so a console
    /// user quoting such an entry keeps their own name. Empty: learned from the bot's first append (until then every
    /// actor line is believed).
    /// </summary>
    public string? AccountLogin { get; set; }

    /// <summary>iTop's timezone (its dates carry no offset).</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>Retries of a failed read (writes are never retried).</summary>
    [Range(0, 10)]
    public int ReadRetries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Failure ratio over the sampling window that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public override string ToString() => $"Itop {{ BaseUrl = {BaseUrl}, Auth = {(Token is { Length: > 0 } ? "token" : "basic")}, Version = {Version} }}";
}
