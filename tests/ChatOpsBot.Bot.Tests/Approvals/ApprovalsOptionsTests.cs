using System.ComponentModel.DataAnnotations;
using ChatOpsBot.Bot.Approvals;

namespace ChatOpsBot.Bot.Tests.Approvals;

public sealed class ApprovalsOptionsTests
{
    [Theory]
    [InlineData("scénari", null, true)]
    [InlineData("OpenMoodle", null, false)]
    [InlineData("OpenMoodle", "DROITS MOODLE", true)]
    [InlineData(null, "Hébergement", false)]
    [InlineData(null, null, false)]
    public void Rules_match_brique_or_service_names_ignoring_case(string? brique, string? service, bool expected)
    {
        var options = new ApprovalsOptions { Briques = ["Scénari"], Services = ["Droits Moodle"] };
        Assert.Equal(expected, options.AppliesTo(brique, service));
    }

    [Theory]
    [InlineData("19:channel@thread.tacv2", null, false)]
    [InlineData(null, "https://smba.trafficmanager.net/emea/", false)]
    [InlineData("19:channel@thread.tacv2", "https://smba.trafficmanager.net/emea/", true)]
    [InlineData(null, null, true)]
    public void The_channel_needs_both_its_conversation_and_its_service_url(string? conversation, string? serviceUrl, bool valid)
    {
        var options = new ApprovalsOptions { ChannelConversationId = conversation, ChannelServiceUrl = serviceUrl };
        var results = new List<ValidationResult>();
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
    }

    [Fact]
    public void A_reminder_delay_under_a_minute_is_refused()
    {
        var options = new ApprovalsOptions { ReminderDelay = TimeSpan.FromSeconds(5) };
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }
}
