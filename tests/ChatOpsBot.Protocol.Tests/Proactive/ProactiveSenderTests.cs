using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Proactive;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.Protocol.Tests.Infrastructure;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.Activities;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Proactive;

/// <summary>Issue 13: the one proactive sender, over HTTP against the loopback Connector, and the Teams facts of a conversation it relies on.</summary>
public class ProactiveSenderTests
{
    [Fact]
    public async Task A_channel_captured_from_an_activity_is_posted_to_replied_in_and_updated_addressed_from_its_reference()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var reference = TeamsConversation.ReferenceOf(ChannelActivity(h.ServiceUrl, "msteams"), existing: null)!;
        Assert.Equal(("19:moodle@thread.tacv2", ConversationReference.Channel, "19:moodle@thread.tacv2", "19:team@thread.tacv2", "tenant-1", "msteams"),
            (reference.ConversationId, reference.Scope, reference.ChannelId, reference.TeamId, reference.TenantId, reference.BotChannelId));
        var sender = h.Services.GetRequiredService<IProactiveSender>();
        h.Sink.Enqueue(SinkResponse.Created("root-1"), SinkResponse.Created("reply-1"), new SinkResponse(200, "{\"id\":\"root-1\"}"));

        Assert.Equal("root-1", await sender.PostAsync(reference, new Activity { Text = "R-000012 assigné" }, CancellationToken.None));
        Assert.Equal("reply-1", await sender.ReplyAsync(reference, "root-1", new Activity { Text = "R-000012 résolu" }, CancellationToken.None));
        await sender.UpdateAsync(reference, "root-1", new Activity { Text = "carte" }, CancellationToken.None);

        var (post, reply, update) = (h.Sink.Requests[0], h.Sink.Requests[1], h.Sink.Requests[2]);
        Assert.Equal(("POST", "/amer/v3/conversations/19%3Amoodle%40thread.tacv2/activities"), (post.Method, post.RawTarget));
        Assert.Equal(("POST", "/amer/v3/conversations/19%3Amoodle%40thread.tacv2/activities/root-1"), (reply.Method, reply.RawTarget));
        Assert.Equal(("PUT", "/amer/v3/conversations/19%3Amoodle%40thread.tacv2/activities/root-1"), (update.Method, update.RawTarget));
        foreach (var request in new[] { post, reply, update })
        {
            var body = JsonNode.Parse(request.Body)!;
            Assert.Equal(("message", "msteams", "19:moodle@thread.tacv2", "tenant-1", "28:bot", "ChatOpsBot"), (
                body["type"]!.GetValue<string>(), body["channelId"]!.GetValue<string>(), body["conversation"]!["id"]!.GetValue<string>(),
                body["conversation"]!["tenantId"]!.GetValue<string>(), body["from"]!["id"]!.GetValue<string>(), body["from"]!["name"]!.GetValue<string>()));
        }

        Assert.Equal("root-1", JsonNode.Parse(update.Body)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_channel_id_is_the_references_and_Teams_for_one_that_never_captured_it()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var sender = h.Services.GetRequiredService<IProactiveSender>();
        var captured = TeamsConversation.ReferenceOf(ChannelActivity(h.ServiceUrl, "emulator"), existing: null)!;
        await sender.PostAsync(captured, new Activity { Text = "a" }, CancellationToken.None);
        await sender.PostAsync(ConversationReference.To(h.ServiceUrl, "a:chat", "tenant-2"), new Activity { Text = "b" }, CancellationToken.None);

        var first = JsonNode.Parse(h.Sink.Requests[0].Body)!;
        var second = JsonNode.Parse(h.Sink.Requests[1].Body)!;
        Assert.Equal("emulator", first["channelId"]!.GetValue<string>());
        Assert.Equal(("msteams", "a:chat", "tenant-2"), (second["channelId"]!.GetValue<string>(), second["conversation"]!["id"]!.GetValue<string>(), second["conversation"]!["tenantId"]!.GetValue<string>()));
        Assert.Null(second["from"]); // a reference made from an address alone knows no bot: Teams fills it in
    }

    [Fact]
    public async Task A_personal_chat_is_opened_from_a_roster_and_its_reference_carries_the_member()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var sender = h.Services.GetRequiredService<IProactiveSender>();
        var roster = TeamsConversation.ReferenceOf(ChannelActivity(h.ServiceUrl, "msteams"), existing: null)!;
        h.Sink.Enqueue(new SinkResponse(200, "{\"id\":\"29:hugues\",\"name\":\"Hugues\",\"aadObjectId\":\"aad-1\",\"email\":\"hugues@insa-rennes.fr\"}"), SinkResponse.Created("a:personal-hugues"));

        var member = await sender.GetMemberAsync(roster, "hugues@insa-rennes.fr", CancellationToken.None);
        var chat = await sender.OpenPersonalAsync(roster, member!, CancellationToken.None);

        Assert.Equal(("GET", "/amer/v3/conversations/19%3Amoodle%40thread.tacv2/members/hugues%40insa-rennes.fr"), (h.Sink.Requests[0].Method, h.Sink.Requests[0].RawTarget));
        var create = JsonNode.Parse(h.Sink.Requests[1].Body)!;
        Assert.Equal(("/amer/v3/conversations", false, "29:hugues", "tenant-1", "tenant-1"), (h.Sink.Requests[1].RawTarget, create["isGroup"]!.GetValue<bool>(),
            create["members"]![0]!["id"]!.GetValue<string>(), create["tenantId"]!.GetValue<string>(), create["channelData"]!["tenant"]!["id"]!.GetValue<string>()));
        Assert.Equal(new ConversationReference
        {
            ConversationId = "a:personal-hugues", ServiceUrl = h.ServiceUrl, Scope = ConversationReference.Personal, TenantId = "tenant-1", BotChannelId = "msteams",
            BotId = "28:bot", BotName = "ChatOpsBot", UserId = "29:hugues", UserAadObjectId = "aad-1",
        }, chat);
    }

    [Theory]
    [InlineData(403, "BotNotInConversationRoster", true, true)]
    [InlineData(404, "ConversationNotFound", false, true)]
    [InlineData(429, null, false, false)]
    [InlineData(500, null, false, false)]
    public async Task Teams_answers_say_whether_the_conversation_is_gone_or_the_member_not_there(int status, string? code, bool gone, bool notMember)
    {
        await using var h = await ConnectorHarness.StartAsync(extra: new Dictionary<string, string?> { ["Bot:ConnectorMaxRetries"] = "0" });
        var sender = h.Services.GetRequiredService<IProactiveSender>();
        h.Sink.Enqueue(new SinkResponse(status, code is null ? null : "{\"error\":{\"code\":\"" + code + "\",\"message\":\"x\"}}"));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => sender.PostAsync(ConversationReference.To(h.ServiceUrl, "a:chat"), new Activity { Text = "x" }, CancellationToken.None));

        Assert.Equal((gone, notMember), (TeamsConversation.IsGone(ex), TeamsConversation.IsNotMember(ex)));
    }

    [Fact]
    public void An_uninstall_or_the_bot_leaving_the_members_removes_it_and_nothing_else_does()
    {
        Assert.True(TeamsConversation.RemovesBot(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "remove" }));
        Assert.True(TeamsConversation.RemovesBot(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "remove-upgrade" }));
        Assert.False(TeamsConversation.RemovesBot(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "add" }));
        var bot = new ChannelAccount { Id = "28:bot" };
        Assert.True(TeamsConversation.RemovesBot(new Activity { Type = ActivityTypes.ConversationUpdate, Recipient = bot, MembersRemoved = [new ChannelAccount { Id = "28:bot" }] }));
        Assert.False(TeamsConversation.RemovesBot(new Activity { Type = ActivityTypes.ConversationUpdate, Recipient = bot, MembersRemoved = [new ChannelAccount { Id = "29:someone" }] }));
    }

    private static Activity ChannelActivity(string serviceUrl, string channelId) =>
        TeamsActivity.Message("x").From("29:lyon", "Support INSA Lyon").Channel("19:moodle@thread.tacv2").WithId("1571508432869").ToBot("28:bot").OnChannel(channelId).To(serviceUrl).Build()
            .Deserialize(ProtocolJsonContext.Default.Activity)!;
}
