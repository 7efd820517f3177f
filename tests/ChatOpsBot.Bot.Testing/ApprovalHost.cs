using System.Globalization;
using ChatOpsBot.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Bot.Testing;

/// <summary>A bot with the approvers of INSA Lyon configured and known (they wrote to it), and a ticket opened that needs approval.</summary>
internal static class ApprovalHost
{
    // Two approvers of INSA Lyon (iTop only accepts an approver of the ticket's organisation).
    public static readonly TestUser Helene = new("29:helene", "Hélène Dechelette", "helene.dechelette@insa-lyon.fr", 4);
    public static readonly TestUser Eloise = new("29:eloise", "Eloise Joyeux", "eloise.joyeux@insa-lyon.fr", 2);

    public static async Task<BotTestHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool channelUrl = false)
    {
        var all = new Dictionary<string, string?>
        {
            ["Roles:ApproverEmails:0"] = Helene.Email,
            ["Roles:ApproverEmails:1"] = Eloise.Email,
            ["Roles:ApproverEmails:2"] = TestUsers.Richter.Email,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        if (channelUrl)
        {
            all["Approvals:ChannelServiceUrl"] = BotTestHost.TeamsAddressPlaceholder;
        }

        var host = await BotTestHost.StartAsync(all, services);
        foreach (var approver in new[] { Helene, Eloise })
        {
            host.Teams.AddMember(approver.TeamsId, approver.Name, approver.Email);

            // The approver has talked to the bot once: their personal chat is known.
            await host.SendForCardAsync(approver, "/tickets");
        }

        return host;
    }

    public static async Task<(int TicketId, InvokeResult Created)> OpenWithApprovalAsync(BotTestHost host, string schoolReference = SeedTicket.SchoolReference)
    {
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + SeedTicket.Title);
        var inputs = SeedTicket.FormInputs(SeedTicket.Title);
        inputs[CardInputIds.SchoolReference] = schoolReference;
        inputs[CardInputIds.NeedsApproval] = "true";
        var created = await SeedTicket.CreateAsync(host, TestUsers.LyonSupport, form, form.Card!, inputs);
        var data = created.Card["refresh"]!["action"]!["data"]!.AsObject();
        var ticketId = int.Parse(data["ticketId"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        await host.Teams.WaitForAsync(s => s.ConversationId == Eloise.ConversationId && s.Card?.ToJsonString().Contains("approval", StringComparison.Ordinal) == true);
        return (ticketId, created);
    }

    public static SentActivity ApprovalCardIn(BotTestHost host, TestUser approver) =>
        host.Teams.Sent.Last(s => s.Method == "POST" && s.ConversationId == approver.ConversationId && s.Card is not null
            && CardJson.Verbs(s.Card).Contains(CardVerbs.Approve));
}
