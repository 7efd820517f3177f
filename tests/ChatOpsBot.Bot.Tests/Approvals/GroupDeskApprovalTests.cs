using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Bot.Tests.Approvals;

/// <summary>
/// Issue 14: a request for approval never waits on nobody. A school without approvers has its requests decided by the
/// group desk; a request iTop ties to no approver (made in the console) shows the group desk Approve and Reject.
/// </summary>
public sealed class GroupDeskApprovalTests
{
    private static readonly TestUser Nathalie = TestUsers.Nathalie;
    private static readonly TestUser Lyon = TestUsers.LyonSupport;
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task A_school_without_approvers_has_its_request_decided_by_the_group_desk()
    {
        // No Roles:ApproverEmails at all: the seed's defaults, where the group desk is Nathalie.
        await using var host = await BotTestHost.StartAsync();
        using var console = new ItopConsole(host.Sandbox.BaseAddress);
        await SchoolWithoutApproversIsDecidedByTheDeskAsync(host, console);
    }

    /// <summary>The bot asks iTop on nobody's name (iTop accepts only a person of INSA Lyon) and the group desk gets the card.</summary>
    internal static async Task SchoolWithoutApproversIsDecidedByTheDeskAsync(BotTestHost host, ItopConsole console)
    {
        host.Teams.AddMember(Nathalie.TeamsId, Nathalie.Name, Nathalie.Email);
        await host.SendForCardAsync(Nathalie, "/tickets");

        var form = await host.SendForCardAsync(Lyon, "/ticket " + SeedTicket.Title);
        var inputs = SeedTicket.FormInputs(SeedTicket.Title);
        inputs[CardInputIds.NeedsApproval] = "true";
        var created = await SeedTicket.CreateAsync(host, Lyon, form, form.Card!, inputs);
        var ticketId = TicketIdOf(created);

        // iTop waits for approval on nobody (it accepts only a person of INSA Lyon), the group desk has the card.
        var stored = await ReadAsync(console, ticketId);
        Assert.Equal("waiting_for_approval", stored["status"]!.GetValue<string>());
        Assert.Equal("0", stored["approver_id"]!.ToString());
        var card = await host.Teams.WaitForAsync(s => s.Method == "POST" && s.ConversationId == Nathalie.ConversationId && s.Card is not null
            && CardJson.Verbs(s.Card).Contains(CardVerbs.Approve));
        Assert.Contains(CardVerbs.Reject, CardJson.Verbs(card.Card!));
        Assert.DoesNotContain(CardVerbs.HandOffApproval, CardJson.Verbs(card.Card!));
        Assert.Contains("Le bureau du groupe (aucun approbateur pour INSA Lyon)", card.CardText, StringComparison.Ordinal);

        // The school support who opened it may not decide it.
        var refused = await host.ClickAsync(Lyon, card, card.Card!, CardVerbs.Approve);
        Assert.Equal("waiting_for_approval", (await ReadAsync(console, ticketId))["status"]!.GetValue<string>());
        Assert.DoesNotContain("Approuvé par", refused.CardText, StringComparison.Ordinal);

        var approved = await host.ClickAsync(Nathalie, card, card.Card!, CardVerbs.Approve,
            new Dictionary<string, string> { [CardInputIds.ApproveComment] = "Accord du bureau." });
        Assert.Contains("Approuvé par Nathalie Matheu", approved.CardText, StringComparison.Ordinal);
        stored = await ReadAsync(console, ticketId);
        Assert.Equal("approved", stored["status"]!.GetValue<string>());
        Assert.Contains("Demande approuvée par Nathalie Matheu : Accord du bureau.", stored["public_log"]!.ToJsonString(Relaxed), StringComparison.Ordinal);
        await host.Teams.WaitForAsync(s => s.ConversationId == Lyon.ConversationId && s.Text?.Contains("approuvée par Nathalie Matheu", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_request_waiting_on_nobody_shows_the_group_desk_approve_and_reject()
    {
        await using var host = await ApprovalHost.StartAsync();
        using var console = new ItopConsole(host.Sandbox.BaseAddress);
        await RequestOnNobodyIsDecidedByTheDeskAsync(host, console);
    }

    /// <summary>
    /// INSA Lyon has approvers, but the request was made in the console without naming one: only the group desk gets
    /// « Approuver ou refuser », which turns the card into the approval card; the reject reason is still required.
    /// </summary>
    internal static async Task RequestOnNobodyIsDecidedByTheDeskAsync(BotTestHost host, ItopConsole console)
    {
        var (ticketId, _) = await console.CreateTicketAsync("Accès à l'espace de cours de thermodynamique");
        await console.StimulusAsync(ticketId, "ev_wait_for_approval", []);
        Assert.Equal("0", (await ReadAsync(console, ticketId))["approver_id"]!.ToString());
        var number = ticketId.ToString(CultureInfo.InvariantCulture);

        // Nobody but the group desk gets the button: not the school's support, not the school's approver, not by a forged click.
        var lyonCard = await host.SendForCardAsync(Lyon, "/ticket " + number);
        Assert.DoesNotContain(CardVerbs.DecideApproval, CardJson.Verbs(lyonCard.Card!));
        var heleneCard = await host.SendForCardAsync(ApprovalHost.Helene, "/ticket " + number);
        Assert.DoesNotContain(CardVerbs.DecideApproval, CardJson.Verbs(heleneCard.Card!));
        var forged = await host.InvokeAsync(Lyon, lyonCard.Id, CardVerbs.DecideApproval, CardJson.FindActionData(lyonCard.Card!, CardVerbs.Refresh)!.DeepClone().AsObject());
        Assert.DoesNotContain(CardVerbs.Approve, CardJson.Verbs(forged.Card));

        var deskCard = await host.SendForCardAsync(Nathalie, "/ticket " + number);
        // Who acts next: the group desk (iTop names no approver), not « nobody ».
        Assert.Contains("En attente d'approbation par le bureau du groupe depuis", deskCard.CardText, StringComparison.Ordinal);
        Assert.Contains("Approuver ou refuser", deskCard.CardText, StringComparison.Ordinal);
        var approval = await host.ClickAsync(Nathalie, deskCard, deskCard.Card!, CardVerbs.DecideApproval);
        Assert.Contains(CardVerbs.Approve, CardJson.Verbs(approval.Card));
        Assert.Contains(CardVerbs.Reject, CardJson.Verbs(approval.Card));
        Assert.Equal("waiting_for_approval", (await ReadAsync(console, ticketId))["status"]!.GetValue<string>());

        // INSA Lyon has approvers here: the card says iTop names none, not that the school has none; in English too.
        Assert.Contains("Le bureau du groupe (iTop ne désigne aucun approbateur)", approval.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain("aucun approbateur pour", approval.CardText, StringComparison.Ordinal);
        var english = await host.ClickAsync(Nathalie, deskCard, deskCard.Card!, CardVerbs.DecideApproval, locale: "en-US");
        Assert.Contains("The group desk (iTop names no approver)", english.CardText, StringComparison.Ordinal);

        var missing = await host.ClickAsync(Nathalie, deskCard, approval.Card, CardVerbs.Reject);
        Assert.Contains(CardVerbs.Reject, CardJson.Verbs(missing.Card));
        Assert.Equal("waiting_for_approval", (await ReadAsync(console, ticketId))["status"]!.GetValue<string>());
        var rejected = await host.ClickAsync(Nathalie, deskCard, approval.Card, CardVerbs.Reject,
            new Dictionary<string, string> { [CardInputIds.RejectComment] = "Hors périmètre du groupe." });
        Assert.Contains("Refusé par Nathalie Matheu", rejected.CardText, StringComparison.Ordinal);
        var stored = await ReadAsync(console, ticketId);
        Assert.Equal("rejected", stored["status"]!.GetValue<string>());
        Assert.Contains("Demande refusée par Nathalie Matheu : Hors périmètre du groupe.", stored["public_log"]!.ToJsonString(Relaxed), StringComparison.Ordinal);

        // The old ticket card's button is out of date now.
        var late = await host.ClickAsync(Nathalie, deskCard, deskCard.Card!, CardVerbs.DecideApproval);
        Assert.DoesNotContain(CardVerbs.Approve, CardJson.Verbs(late.Card));
    }

    private static async Task<JsonObject> ReadAsync(ItopConsole console, int ticketId)
    {
        var reply = await console.CallAsync(new JsonObject
        {
            ["operation"] = "core/get", ["class"] = "UserRequest", ["key"] = ticketId, ["output_fields"] = "status,approver_id,public_log",
        });
        return reply["objects"]!.AsObject().Single().Value!["fields"]!.AsObject();
    }

    private static int TicketIdOf(InvokeResult created) =>
        int.Parse(created.Card["refresh"]!["action"]!["data"]!["ticketId"]!.GetValue<string>(), CultureInfo.InvariantCulture);
}
