using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;

namespace ChatOpsBot.Bot.Tests.Turns;

/// <summary>
/// Issue 12, part 6: the limits hold on the server whatever a client sends — refused with a localized message naming the
/// limit (nothing written to iTop), and no answer over the 100 KB of a Teams message. Strings past Bot:MaxStringBytes
/// (40 000 bytes) never reach the bot: the endpoint answers 400.
/// </summary>
public sealed class InputLimitTests
{
    private const int TeamsMessageBytes = 100 * 1024;

    [Fact]
    public async Task A_form_over_its_limits_is_refused_naming_the_limit_and_nothing_reaches_iTop()
    {
        await using var host = await BotTestHost.StartAsync();
        var title = "Limite " + Guid.NewGuid().ToString("N")[..8];
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + title);

        var inputs = SeedTicket.FormInputs(title);
        inputs[CardInputIds.Description] = new string('d', 4_001);
        inputs[CardInputIds.UserWords] = new string('u', 5_000);
        var description = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.OpenTicket, inputs);
        Assert.Equal(Fr("« Description » fait {0:N0} caractères, au-delà de la limite de {1:N0} : rien n'a été enregistré. Raccourcissez le texte puis validez à nouveau.", 4_001, 4_000), description.Message);

        inputs = SeedTicket.FormInputs(title);
        inputs[CardInputIds.UserWords] = new string('u', 5_000);
        var words = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.OpenTicket, inputs, locale: "en-US");
        Assert.Equal("“The user's words (copy)” has 5,000 characters, over the 4,000-character limit: nothing was saved. Shorten the text and submit again.", words.Message);

        // What a forged client sends past the protocol's string limit is refused before the bot (the 150 000 characters of issue 12).
        inputs[CardInputIds.Description] = new string('d', 150_000);
        inputs[CardInputIds.UserWords] = new string('u', 50_000);
        using (var huge = await PostAsync(host, TeamsActivity.CardAction(CardVerbs.OpenTicket, Data(form, inputs)).ReplyTo(form.Id).To(host.Teams.BaseAddress).Build()))
        {
            Assert.Equal(400, (int)huge.StatusCode);
        }

        Assert.Empty(await host.Itop.FindTicketsAsync($"SELECT UserRequest WHERE title = '{title}'"));

        // Within the limits, the same form goes through.
        var created = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.OpenTicket, SeedTicket.FormInputs(title));
        Assert.Null(created.Message);
        Assert.Single(await host.Itop.FindTicketsAsync($"SELECT UserRequest WHERE title = '{title}'"));
    }

    [Fact]
    public async Task A_comment_over_4000_characters_is_refused_and_the_log_is_untouched()
    {
        await using var host = await BotTestHost.StartAsync();
        var (ticketId, _) = await SeedTicket.OpenTicketAsync(host);
        var card = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + ticketId);
        var logBefore = (await host.Itop.GetTicketAsync(ticketId))["public_log"]!.ToJsonString();

        var refused = await host.ClickAsync(TestUsers.LyonSupport, card, card.Card!, CardVerbs.Comment, new Dictionary<string, string>
        {
            [CardInputIds.CommentText] = new string('c', 4_001),
        });

        Assert.Equal(Fr("« Commentaire » fait {0:N0} caractères, au-delà de la limite de {1:N0} : rien n'a été enregistré. Raccourcissez le texte puis validez à nouveau.", 4_001, 4_000), refused.Message);
        Assert.Equal(logBefore, (await host.Itop.GetTicketAsync(ticketId))["public_log"]!.ToJsonString());
    }

    [Theory]
    [InlineData("/ticket ", 10_000, 4_000)]
    [InlineData("/ticket abonner ", 10_000, 4_000)]
    [InlineData("/ticket abonner ", 1_000, 300)]
    public async Task A_command_over_its_limit_is_answered_with_the_limit_in_a_short_reply(string command, int length, int limit)
    {
        await using var host = await BotTestHost.StartAsync();
        var text = command + Filler(length);
        var before = host.Teams.Sent.Count;

        using (var response = await PostAsync(host, TeamsActivity.Message(text).Mentioning().From(TestUsers.Hugues).Channel("19:limits@thread.tacv2").To(host.Teams.BaseAddress).Build()))
        {
            Assert.Equal(202, (int)response.StatusCode);
        }

        var reply = await host.Teams.WaitForAsync(s => s.Text is not null, before);
        Assert.Contains(Fr("{0:N0} au maximum", limit), reply.Text, StringComparison.Ordinal);
        Assert.True(Encoding.Unicode.GetByteCount(reply.Body.ToJsonString()) < 4 * 1024, reply.Text);
    }

    [Theory]
    [InlineData("/ticket ")]
    [InlineData("/ticket abonner ")]
    public async Task A_command_of_100000_characters_is_refused_before_the_bot_and_nothing_over_100_KB_is_sent(string command)
    {
        await using var host = await BotTestHost.StartAsync();
        var before = host.Teams.Sent.Count;

        using (var response = await PostAsync(host, TeamsActivity.Message(command + Filler(100_000)).To(host.Teams.BaseAddress).Build()))
        {
            Assert.Equal(400, (int)response.StatusCode);
        }

        // And the longest a command may be gets a reply well under a Teams message.
        await host.SendAsync(TestUsers.LyonSupport, command + Filler(3_990));
        var reply = await host.Teams.WaitForAsync(s => s.Text is not null || s.Card is not null, before);
        Assert.All(host.Teams.Sent.Skip(before), s => Assert.True(Encoding.Unicode.GetByteCount(s.Body.ToJsonString()) < TeamsMessageBytes, s.ToString()));
        Assert.NotNull(reply);
    }

    private static string Fr(string format, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), format, args);

    private static string Filler(int length)
    {
        const string Unit = "Quota Moodle dépassé pour le cours de thermodynamique. ";
        var text = new StringBuilder(length + Unit.Length);
        while (text.Length < length)
        {
            text.Append(Unit);
        }

        return text.ToString(0, length).Trim();
    }

    private static JsonObject Data(SentActivity form, IDictionary<string, string> inputs)
    {
        var data = CardJson.FindActionData(form.Card!, CardVerbs.OpenTicket)!.DeepClone().AsObject();
        foreach (var (key, value) in inputs)
        {
            data[key] = value;
        }

        return data;
    }

    private static async Task<HttpResponseMessage> PostAsync(BotTestHost host, JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        return await host.Http.PostAsync(new Uri(host.BotAddress, "api/messages"), content);
    }
}
