using ChatOpsBot.Bot.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Tests.Identity;

/// <summary>The group desk is whoever the configuration names: nobody is the desk by default, and the bot says what to set.</summary>
public sealed class GroupDeskConfigurationTests
{
    [Fact]
    public void Without_a_desk_the_roles_are_refused_with_the_settings_to_give()
    {
        using var services = Compose(new Dictionary<string, string?>());

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RolesOptions>>().Value);

        Assert.Contains("no group desk is configured", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Roles:GroupDeskEmails", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Roles:GroupDeskTeams", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Roles:GroupDeskEmails:0", "desk@example.org")]
    [InlineData("Roles:GroupDeskTeams:0", "Guichet")]
    public void A_desk_given_by_people_or_by_teams_is_the_desk_and_nobody_else_is_added(string key, string value)
    {
        using var services = Compose(new Dictionary<string, string?> { [key] = value });

        var roles = services.GetRequiredService<IOptions<RolesOptions>>().Value;

        Assert.Equal([value], [.. roles.GroupDeskEmails, .. roles.GroupDeskTeams]);
    }

    private static ServiceProvider Compose(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddChatOpsBotConversation(configuration).BuildServiceProvider();
    }
}
