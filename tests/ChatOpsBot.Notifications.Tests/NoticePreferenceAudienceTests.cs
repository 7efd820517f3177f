using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>
/// Issue 14: <c>/ticket notifications</c> shows each person the kinds of notice that can reach them: a school support
/// (in no team that handles tickets) is never a ticket's agent, so « Un ticket m'est assigné » and « Un ticket me revient »
/// are not theirs; an intervenant gets every kind. A forged save of a hidden kind is refused in the reader's language,
/// and nothing is saved.
/// </summary>
public sealed class NoticePreferenceAudienceTests
{
    private static readonly string[] OpenerKinds = ["MineAssigned", "MinePending", "MineResolved", "MineReopened", "MineClosed"];

    [Theory]
    [InlineData("fr-FR", "« Un ticket me revient (rouvert) » ne vous concerne pas : ces notifications ne vont qu'aux membres d'une équipe qui traite les tickets. Rien n'a été enregistré.")]
    [InlineData("en-US", "“A ticket comes back to me (reopened)” does not concern you: these notices only go to members of a team that handles tickets. Nothing was saved.")]
    public async Task Each_person_sees_the_kinds_that_reach_them_and_a_forged_hidden_kind_is_refused(string locale, string refusal)
    {
        await using var host = await BotTestHost.StartAsync();
        var lyon = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket notifications", locale);
        Assert.Equal(OpenerKinds, Toggles(lyon.Card!));
        var hamid = await host.SendForCardAsync(TestUsers.Hamid, "/ticket notifications", locale);
        Assert.Equal(["AssignedToMe", "BackToMe", .. OpenerKinds], Toggles(hamid.Card!));

        // The Lyon support's card with a toggle it does not show added: refused, nothing saved, not even the shown kinds.
        var forged = CardJson.FindActionData(lyon.Card!, CardVerbs.SaveNotices)!.DeepClone().AsObject();
        forged[CardInputIds.NoticePrefix + "BackToMe"] = "false";
        forged[CardInputIds.NoticePrefix + "MineClosed"] = "false";
        var answer = await host.InvokeAsync(TestUsers.LyonSupport, lyon.Id, CardVerbs.SaveNotices, forged, locale);
        var top = answer.Card["body"]!.AsArray().OfType<JsonObject>().Single(e => e["type"]?.GetValue<string>() == "Container");
        Assert.Equal("attention", top["style"]?.GetValue<string>());
        Assert.Equal(refusal, top["items"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(OpenerKinds, Toggles(answer.Card));
        await using var scope = host.Services.CreateAsyncScope();
        var muted = await scope.ServiceProvider.GetRequiredService<NoticePreferenceStore>().GetMutedAsync(TestUsers.LyonSupport.PersonId!.Value, CancellationToken.None);
        Assert.Empty(muted);

        // The card as shown saves.
        var saved = await host.ClickAsync(TestUsers.LyonSupport, lyon, lyon.Card!, CardVerbs.SaveNotices,
            new Dictionary<string, string> { [CardInputIds.NoticePrefix + "MineClosed"] = "false" }, locale);
        Assert.Equal("good", saved.Card["body"]!.AsArray().OfType<JsonObject>().Single(e => e["type"]?.GetValue<string>() == "Container")["style"]?.GetValue<string>());
    }

    private static string[] Toggles(JsonObject card) =>
        [.. card["body"]!.AsArray().OfType<JsonObject>()
            .Where(e => e["type"]?.GetValue<string>() == "Input.Toggle")
            .Select(e => e["id"]!.GetValue<string>()[CardInputIds.NoticePrefix.Length..])];
}
