using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Bot.Testing;

/// <summary>The configuration every end-to-end test host gives the bot: local mode, the fake Teams, the sandbox iTop.</summary>
internal static class BotTestSettings
{
    public static Dictionary<string, string?> For(FakeConnector teams, ItopSandboxHost sandbox, string stateProvider, string stateConnectionString) => new()
    {
        ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
        ["Bot:AllowedServiceUrls:0"] = teams.BaseAddress.ToString().TrimEnd('/'),
        ["Bot:ConnectorMaxRetries"] = "0",
        ["State:Provider"] = stateProvider,
        ["State:ConnectionString"] = stateConnectionString,
        ["Itop:BaseUrl"] = sandbox.BaseAddress.ToString(),
        ["Itop:Token"] = ItopReader.Token,
        ["Itop:Timeout"] = "00:00:05",
        ["Itop:ReadRetries"] = "0",
        ["Itop:BreakerMinimumThroughput"] = "10000",
        ["Identity:UnknownUserContact"] = "guichet@groupe-insa.fr",
        [SeedRoles.GroupDeskSetting.Key] = SeedRoles.GroupDeskSetting.Value,
        // Their Teams addresses differ from iTop's: pinned, as an admin would.
        ["Identity:People:" + TestUsers.Nathalie.Email] = "8",
        ["Identity:People:" + TestUsers.Hugues.Email] = "5",
    };
}
