using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Cards;
using ChatOpsBot.Testing;
using static ChatOpsBot.Tests.Crash.ActionCrashRig;

namespace ChatOpsBot.Tests.Crash;

/// <summary>
/// Issue 12: the bot process SIGKILLed at each point of opening a ticket that needs approval, of an approver's decision, of
/// a hand-over and of a plain card action: before iTop got the call, and after iTop did it but before the bot read the answer. After a restart on
/// the same SQLite file, without a click, iTop and the cards agree, nothing is done twice, and the people can go on (or are
/// told it is done).
/// </summary>
public sealed class KillMidActionTests
{
    internal const string Title = "Inscription d'un enseignant au cours de chimie";
    private const string Create = "core/create UserRequest";
    private const string RequestApproval = "core/apply_stimulus UserRequest ev_wait_for_approval";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData(Create, ItopHoldPoint.BeforeItop)]
    [InlineData(Create, ItopHoldPoint.AfterItop)]
    [InlineData(RequestApproval, ItopHoldPoint.BeforeItop)]
    [InlineData(RequestApproval, ItopHoldPoint.AfterItop)]
    public async Task Killed_while_opening_a_ticket_that_needs_approval_the_restart_finishes_it_without_a_duplicate(string call, ItopHoldPoint point)
    {
        await using var rig = await StartWithApproversAsync();
        var form = await rig.SendForCardAsync(Opener, "/ticket " + Title);

        await KillAtAsync(rig, call, point, () => rig.ClickAsync(Opener, form, CardVerbs.OpenTicket, FormInputs()));
        await rig.StartBotAsync();

        if (call == Create && point == ItopHoldPoint.BeforeItop)
        {
            // iTop never got the creation: the form (stuck before) becomes the Retry card, and Retry creates the ticket once.
            var retry = await rig.WaitForUpdateAsync(form.Id, c => Text(c).Contains("La création du ticket a été interrompue", StringComparison.Ordinal), Generous);
            Assert.Empty(await rig.TicketIdsAsync());
            using var retried = await rig.ClickAsync(Opener, (retry, form.Id), CardVerbs.RetryCreate);
            Assert.Contains("En attente d'approbation", await AnswerAsync(retried), StringComparison.Ordinal);
        }
        else
        {
            // iTop got it: without a click, the form becomes the ticket's card, waiting for approval.
            await rig.WaitForUpdateAsync(form.Id, c => Text(c).Contains("En attente d'approbation", StringComparison.Ordinal), Generous);
        }

        var ticketId = Assert.Single(await rig.TicketIdsAsync());
        var ticket = await rig.TicketAsync(ticketId);
        Assert.Equal(("waiting_for_approval", "4"), (ticket["status"]!.GetValue<string>(), ticket["approver_id"]!.ToString()));
        Assert.Equal(1, rig.Itop.Forwarded.Count(c => c == Create));
        Assert.Equal(1, rig.Itop.Forwarded.Count(c => c == RequestApproval));
        var helene = await rig.WaitForPostAsync(Helene, 0, c => HasVerb(c, CardVerbs.Approve), Generous);
        await rig.WaitForPostAsync(Eloise, 0, c => HasVerb(c, CardVerbs.Approve), Generous);
        Assert.Single(rig.Posted(Helene), p => HasVerb(p.Card, CardVerbs.Approve));
        Assert.Single(rig.Posted(Eloise), p => HasVerb(p.Card, CardVerbs.Approve));

        // The approver can decide.
        using var approved = await rig.ClickAsync(Helene, helene, CardVerbs.Approve);
        Assert.Contains("Approuvé par Hélène Dechelette", await AnswerAsync(approved), StringComparison.Ordinal);
        Assert.Equal("approved", (await rig.TicketAsync(ticketId))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(ItopHoldPoint.BeforeItop)]
    [InlineData(ItopHoldPoint.AfterItop)]
    public async Task Killed_while_creating_a_click_on_the_stuck_form_after_the_restart_finishes_it_once(ItopHoldPoint point)
    {
        await using var rig = await StartWithApproversAsync();
        var form = await rig.SendForCardAsync(Opener, "/ticket " + Title);
        await KillAtAsync(rig, Create, point, () => rig.ClickAsync(Opener, form, CardVerbs.OpenTicket, FormInputs()));

        // The person clicks "Créer" again on the form, which never changed (the background may be finishing it meanwhile).
        await rig.StartBotAsync(new Dictionary<string, string?> { ["Recovery:ScanInterval"] = "00:10:00" });
        string answer;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            using var again = await rig.ClickAsync(Opener, form, CardVerbs.OpenTicket, FormInputs());
            answer = await AnswerAsync(again);
        }
        while (!answer.Contains("En attente d'approbation", StringComparison.Ordinal) && answer.Contains("en cours", StringComparison.Ordinal) && clock.Elapsed < Generous);

        // Until the dead instance's claim lapsed the card says "en cours", with Retry; then the ticket iTop holds (found by its
        // marker) or the one created now, sent for approval: one only.
        Assert.True(answer.Contains("En attente d'approbation", StringComparison.Ordinal), answer);
        var ticketId = Assert.Single(await rig.TicketIdsAsync());
        Assert.Contains((await rig.TicketAsync(ticketId))["ref"]!.GetValue<string>(), answer, StringComparison.Ordinal);
        Assert.Equal(1, rig.Itop.Forwarded.Count(c => c == Create));
    }

    [Theory]
    [InlineData(ItopHoldPoint.BeforeItop)]
    [InlineData(ItopHoldPoint.AfterItop)]
    public async Task Killed_during_an_approval_the_restart_takes_the_decision_to_iTop_once_and_every_card_says_it(ItopHoldPoint point)
    {
        await using var rig = await StartWithApproversAsync();
        var (ticketId, helene, eloise) = await OpenWithApprovalAsync(rig);

        await KillAtAsync(rig, "core/apply_stimulus UserRequest ev_approve", point,
            () => rig.ClickAsync(Helene, helene, CardVerbs.Approve, new Dictionary<string, string> { [CardInputIds.ApproveComment] = "Accord de la direction." }));
        await rig.StartBotAsync();

        // Without a click: iTop approved once, both approvers' cards say so, the opener is told.
        await rig.WaitForUpdateAsync(helene.Id, c => Text(c).Contains("Approuvé par Hélène Dechelette", StringComparison.Ordinal), Generous);
        await rig.WaitForUpdateAsync(eloise.Id, c => Text(c).Contains("Approuvé par Hélène Dechelette", StringComparison.Ordinal), Generous);
        Assert.True(await CrashRig.WaitUntilAsync(() => rig.Texts(Opener).Any(t => t.Contains("approuvée par Hélène Dechelette", StringComparison.Ordinal)), Generous), rig.Output);
        var ticket = await rig.TicketAsync(ticketId);
        Assert.Equal("approved", ticket["status"]!.GetValue<string>());
        Assert.Single(Entries(ticket, "public_log"), e => e.Contains("Demande approuvée par Hélène Dechelette : Accord de la direction.", StringComparison.Ordinal));
        Assert.Equal(1, rig.Itop.Forwarded.Count(c => c.EndsWith("ev_approve", StringComparison.Ordinal)));

        // The other approver is told it is decided, not refused by a decision iTop does not hold.
        using var late = await rig.ClickAsync(Eloise, eloise, CardVerbs.Approve);
        var answer = await AnswerAsync(late);
        Assert.Contains("Approuvé par Hélène Dechelette", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("\"verb\":\"approve\"", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ItopHoldPoint.BeforeItop)]
    [InlineData(ItopHoldPoint.AfterItop)]
    public async Task Killed_during_a_hand_over_the_restart_hands_it_over_once_and_the_new_approver_can_decide(ItopHoldPoint point)
    {
        await using var rig = await StartWithApproversAsync();
        var (ticketId, helene, eloise) = await OpenWithApprovalAsync(rig);

        await KillAtAsync(rig, "core/update UserRequest", point,
            () => rig.ClickAsync(Helene, helene, CardVerbs.HandOffApproval, new Dictionary<string, string>
            {
                [CardInputIds.HandOffApprover] = "2",
                [CardInputIds.HandOffComment] = "Je suis absente cette semaine.",
            }));
        await rig.StartBotAsync();

        // Without a click: iTop waits for Eloise, with one note; she is told; every copy names her.
        Assert.True(await CrashRig.WaitUntilAsync(() => rig.Texts(Eloise).Any(t => t.Contains("vous a transmis la demande d'approbation", StringComparison.Ordinal)), Generous), rig.Output);
        await rig.WaitForUpdateAsync(helene.Id, c => Fact(c, "Approbateur désigné") == "Eloise Joyeux", Generous);
        await rig.WaitForUpdateAsync(eloise.Id, c => Fact(c, "Approbateur désigné") == "Eloise Joyeux", Generous);
        var ticket = await rig.TicketAsync(ticketId);
        Assert.Equal(("waiting_for_approval", "2"), (ticket["status"]!.GetValue<string>(), ticket["approver_id"]!.ToString()));
        Assert.Single(Entries(ticket, "private_log"), e => e.Contains("Je suis absente cette semaine.", StringComparison.Ordinal));
        Assert.Equal(1, rig.Itop.Forwarded.Count(c => c == "core/update UserRequest"));

        // The new approver decides from her card, as it was updated.
        using var approved = await rig.ClickAsync(Eloise, (rig.Updates(eloise.Id)[^1], eloise.Id), CardVerbs.Approve);
        Assert.Contains("Approuvé par Eloise Joyeux", await AnswerAsync(approved), StringComparison.Ordinal);
        Assert.Equal("approved", (await rig.TicketAsync(ticketId))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(ItopHoldPoint.BeforeItop)]
    [InlineData(ItopHoldPoint.AfterItop)]
    public async Task Killed_during_a_card_action_the_same_click_after_the_restart_writes_at_most_once(ItopHoldPoint point)
    {
        // A plain action keeps no record of its own: iTop is the only one. The dead instance's hold on the ticket lapses, and
        // the same click on the same card either does it (iTop never got it) or shows the card as iTop holds it, unchanged.
        await using var rig = await ActionCrashRig.StartAsync();
        var form = await rig.SendForCardAsync(Opener, "/ticket " + Title);
        var inputs = FormInputs();
        inputs[CardInputIds.NeedsApproval] = "false";
        using (var created = await rig.ClickAsync(Opener, form, CardVerbs.OpenTicket, inputs))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        var ticketId = Assert.Single(await rig.TicketIdsAsync());
        var card = await rig.SendForCardAsync(Opener, "/ticket " + ticketId.ToString(CultureInfo.InvariantCulture));
        var comment = new Dictionary<string, string> { [CardInputIds.CommentText] = "Le cours s'appelle CHIM-101.", [CardInputIds.CommentPublic] = "true" };
        await KillAtAsync(rig, "core/update UserRequest", point, () => rig.ClickAsync(Opener, card, CardVerbs.Comment, comment));
        await rig.StartBotAsync();

        using var again = await rig.ClickAsync(Opener, card, CardVerbs.Comment, comment);
        var answer = await AnswerAsync(again);
        Assert.Contains(point == ItopHoldPoint.BeforeItop ? "C'est fait." : "n'était plus à jour", answer, StringComparison.Ordinal);
        Assert.Contains("Le cours s'appelle CHIM-101.", answer, StringComparison.Ordinal);
        Assert.Single(Entries(await rig.TicketAsync(ticketId), "public_log"), e => e.Contains("Le cours s'appelle CHIM-101.", StringComparison.Ordinal));
        Assert.Equal(1, rig.Itop.Forwarded.Count(c => c == "core/update UserRequest"));
    }

    /// <summary>Holds <paramref name="call"/> at <paramref name="point"/>, makes the click, kills the bot while the call is held.</summary>
    private static async Task KillAtAsync(ActionCrashRig rig, string call, ItopHoldPoint point, Func<Task<HttpResponseMessage>> click)
    {
        var hold = rig.Itop.Hold(c => c == call, point);
        var clicked = click();
        Assert.True(await hold.WaitUntilHeldAsync(Generous), "the bot never called " + call + "\n" + rig.Output);
        await rig.KillBotAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => clicked); // the click never got an answer
        Assert.Equal(point == ItopHoldPoint.AfterItop ? 1 : 0, rig.Itop.Forwarded.Count(c => c == call));
    }

    private static async Task<ActionCrashRig> StartWithApproversAsync()
    {
        var rig = await ActionCrashRig.StartAsync();
        try
        {
            await rig.InstallAsync(Helene);
            await rig.InstallAsync(Eloise);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    private static async Task<(int TicketId, (JsonObject Card, string Id) Helene, (JsonObject Card, string Id) Eloise)> OpenWithApprovalAsync(ActionCrashRig rig)
    {
        var form = await rig.SendForCardAsync(Opener, "/ticket " + Title);
        using var created = await rig.ClickAsync(Opener, form, CardVerbs.OpenTicket, FormInputs());
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var helene = await rig.WaitForPostAsync(Helene, 0, c => HasVerb(c, CardVerbs.Approve), Generous);
        var eloise = await rig.WaitForPostAsync(Eloise, 0, c => HasVerb(c, CardVerbs.Approve), Generous);
        return (Assert.Single(await rig.TicketIdsAsync()), helene, eloise);
    }

    internal static Dictionary<string, string> FormInputs() => new()
    {
        [CardInputIds.Brique] = "2",
        [CardInputIds.Service] = "4",
        [CardInputIds.SubService] = "9",
        [CardInputIds.Title] = Title,
        [CardInputIds.Description] = "Jean Dupont doit être inscrit comme enseignant du cours de chimie.",
        [CardInputIds.OnBehalfOf] = "11",
        [CardInputIds.TicketType] = "service_request",
        [CardInputIds.Urgency] = "3",
        [CardInputIds.NeedsApproval] = "true",
    };

    private static IEnumerable<string> Entries(JsonObject ticket, string log) =>
        ticket[log]!["entries"]!.AsArray().Select(e => e!["message"]!.GetValue<string>());
}
