using System.Text.Json.Nodes;
using ChatOpsBot.Cards;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>
/// Issue 11: the person who acted is named in the channel, never the bot's iTop account (every entry the bot appends is
/// stored under that account, and starts with the Teams person's name). An iTop user of the console keeps their own name,
/// even when their entry starts with a line that looks like the bot's.
/// </summary>
public sealed class ActorNamingTests
{
    private static readonly TestUser Helene = ApprovalHost.Helene;

    [Fact]
    public async Task Channel_posts_name_the_Teams_person_of_a_comment_a_move_and_an_approval()
    {
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?> { ["Roles:ApproverEmails:0"] = Helene.Email });
        host.Teams.AddMember(Helene.TeamsId, Helene.Name, Helene.Email);
        await host.SubscribeAsync("OpenMoodle");
        await host.WaitForCursorAsync();
        var (id, reference) = await host.ConsoleCreateTicketAsync("Accès Moodle perdu");
        var root = await host.Teams.WaitForAsync(s => IsRoot(s, reference));
        var before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        Assert.Equal(reference + " assigné à Hamid Le Fleurier (Intervenants Moodle)", (await ReplyAsync(host, root, " assigné à", before)).Text);

        // From Teams: Hamid comments, then puts the ticket on hold.
        var card = await CardAsync(host, TestUsers.Hamid, "/ticket " + id);
        before = host.Teams.Sent.Count;
        var commented = await ClickAsync(host, TestUsers.Hamid, card, CardVerbs.Comment, new() { [CardInputIds.CommentText] = "Je regarde cela.", [CardInputIds.CommentPublic] = "true" });
        Assert.Equal(reference + " — nouveau commentaire de Hamid Le Fleurier : Je regarde cela.", (await ReplyAsync(host, root, "Je regarde cela.", before)).Text);
        before = host.Teams.Sent.Count;
        await ClickAsync(host, TestUsers.Hamid, commented, CardVerbs.Pending, new() { [CardInputIds.PendingReason] = "Attente de l'UFR." });
        Assert.Equal(reference + " en attente : Attente de l'UFR. — par Hamid Le Fleurier", (await ReplyAsync(host, root, " en attente", before)).Text);

        // From the console: rest-admin keeps their name, whatever the first line of their entry says; a move names nobody.
        before = host.Teams.Sent.Count;
        await host.ConsoleUpdateAsync(id, new JsonObject { ["public_log"] = "<p><strong>Hamid Le Fleurier via Teams</strong></p><p>Cité de Teams.</p>" });
        Assert.Contains("nouveau commentaire de rest-admin", (await ReplyAsync(host, root, "Cité de Teams.", before)).Text, StringComparison.Ordinal);
        before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject());
        Assert.Equal(reference + " assigné à Hamid Le Fleurier (Intervenants Moodle)", (await ReplyAsync(host, root, " assigné à", before)).Text);

        // An approval decided from Teams: the decision and its note name the approver.
        var (approvalId, approvalRef) = await host.ConsoleCreateTicketAsync("Instance Moodle dédiée", "Hébergement Moodle dédié (pilote)");
        var approvalRoot = await host.Teams.WaitForAsync(s => IsRoot(s, approvalRef));
        await CardAsync(host, Helene, "/tickets");
        var desk = await CardAsync(host, TestUsers.Nathalie, "/ticket " + approvalId);
        before = host.Teams.Sent.Count;
        await ClickAsync(host, TestUsers.Nathalie, desk, CardVerbs.HandToApprover, []);
        var approval = await host.Teams.WaitForAsync(s => s.ConversationId == Helene.ConversationId && s.Card is not null && CardJson.Verbs(s.Card).Contains(CardVerbs.Approve), before);
        Assert.Equal(approvalRef + " attend une approbation — par Nathalie Matheu", (await ReplyAsync(host, approvalRoot, " attend une approbation", before)).Text);
        before = host.Teams.Sent.Count;
        await ClickAsync(host, Helene, approval, CardVerbs.Approve, new() { [CardInputIds.ApproveComment] = "Accord de la direction." });
        Assert.Equal(approvalRef + " approuvé — par Hélène Dechelette", (await ReplyAsync(host, approvalRoot, " approuvé — par", before)).Text);
        Assert.Equal(approvalRef + " — nouveau commentaire de Hélène Dechelette : Demande approuvée par Hélène Dechelette : Accord de la direction.",
            (await ReplyAsync(host, approvalRoot, "Accord de la direction.", before)).Text);
        Assert.DoesNotContain(host.Teams.Sent, s => s.Text?.Contains("teams-bot", StringComparison.Ordinal) == true || s.CardText.Contains("teams-bot", StringComparison.Ordinal));
    }

    internal static bool IsRoot(SentActivity s, string reference) =>
        s.ConversationId == NotificationTestHost.ChannelId && s.Method == "POST" && s.TargetActivityId is null && s.CardText.Contains(reference, StringComparison.Ordinal);

    internal static Task<SentActivity> ReplyAsync(NotificationTestHost host, SentActivity root, string text, int after) =>
        host.Teams.WaitForAsync(s => s.TargetActivityId == root.Id && s.Method == "POST" && s.Text?.Contains(text, StringComparison.Ordinal) == true, after);

    internal static async Task<SentActivity> CardAsync(NotificationTestHost host, TestUser user, string text)
    {
        var before = host.Teams.Sent.Count;
        await host.PostAsync(host.PersonalMessage(user, text));
        return await host.Teams.WaitForCardAsync(before, user.ConversationId);
    }

    /// <summary>Clicks and returns the answer as a sent card (the clicker's new card), for the next click.</summary>
    internal static async Task<SentActivity> ClickAsync(NotificationTestHost host, TestUser user, SentActivity message, string verb, Dictionary<string, string> inputs)
    {
        var data = CardJson.FindActionData(message.Card!, verb)!.DeepClone().AsObject();
        foreach (var (key, value) in inputs)
        {
            data[key] = value;
        }

        var answer = new InvokeResult(await host.InvokeAsync(user, message.Id, verb, data, 0), []);
        Assert.DoesNotContain("n'était plus à jour", answer.CardText, StringComparison.Ordinal);
        return message with { Body = new JsonObject { ["attachments"] = new JsonArray(new JsonObject { ["content"] = answer.Card.DeepClone() }) } };
    }
}
