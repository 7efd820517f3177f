using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>Section "Approvals": which tickets need an approval, where the requests go, when to remind.</summary>
public sealed class ApprovalsOptions : IValidatableObject
{
    public const string SectionName = "Approvals";

    /// <summary>Briques (names, case-insensitive) whose tickets always need an approval.</summary>
    public List<string> Briques { get; set; } = [];

    /// <summary>Services (names, case-insensitive) whose tickets always need an approval.</summary>
    public List<string> Services { get; set; } = [];

    /// <summary>A pending request is recalled to its approvers once after this delay.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ReminderDelay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the reminder service looks for overdue requests.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReminderScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The approvers' channel (conversation id of the channel); the card is posted there too when set.</summary>
    public string? ChannelConversationId { get; set; }

    /// <summary>The serviceUrl of the approvers' channel (required with <see cref="ChannelConversationId"/>).</summary>
    public string? ChannelServiceUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ChannelConversationId) != string.IsNullOrWhiteSpace(ChannelServiceUrl))
        {
            yield return new ValidationResult(
                "Approvals:ChannelConversationId and Approvals:ChannelServiceUrl go together.",
                [nameof(ChannelConversationId), nameof(ChannelServiceUrl)]);
        }
    }

    public bool AppliesTo(string? brique, string? service) =>
        (brique is not null && Briques.Contains(brique, StringComparer.OrdinalIgnoreCase))
        || (service is not null && Services.Contains(service, StringComparer.OrdinalIgnoreCase));
}
