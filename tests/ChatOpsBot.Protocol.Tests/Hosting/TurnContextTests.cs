using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.Protocol.Tests.Infrastructure;
using ChatOpsBot.Testing.Activities;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Hosting;

public class TurnContextTests
{
    private static async Task<(ConnectorHarness Harness, TurnContext Turn)> StartAsync()
    {
        var h = await ConnectorHarness.StartAsync();
        var inbound = TeamsActivity.Message("hello").WithId("1571537152320").InConversation("19:c@thread.skype;messageid=157").ToBot("28:" + BotHost.AppId).To(h.ServiceUrl).Build().Deserialize(ProtocolJsonContext.Default.Activity)!;
        return (h, new TurnContext(inbound, h.Factory.Create(h.ServiceUrl)));
    }

    [Fact]
    public async Task Typing_is_sent_to_the_conversation_not_as_a_reply()
    {
        var (h, turn) = await StartAsync();
        await using var _ = h;

        await turn.SendTypingAsync(CancellationToken.None);

        var request = Assert.Single(h.Sink.Requests);
        Assert.Equal("/amer/v3/conversations/19%3Ac%40thread.skype%3Bmessageid%3D157/activities", request.RawTarget);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("typing", body["type"]!.GetValue<string>());
        Assert.Null(body["replyToId"]);
        Assert.Equal("28:" + BotHost.AppId, body["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_puts_the_full_activity_with_its_id()
    {
        var (h, turn) = await StartAsync();
        await using var _ = h;
        h.Sink.Enqueue(new Testing.SinkResponse(200, "{\"id\":\"1:card\"}"));

        await turn.UpdateActivityAsync("1:card", new Activity { Text = "mis à jour" }, CancellationToken.None);

        var request = Assert.Single(h.Sink.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/amer/v3/conversations/19%3Ac%40thread.skype%3Bmessageid%3D157/activities/1%3Acard", request.RawTarget);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("1:card", body["id"]!.GetValue<string>());
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal("mis à jour", body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_keeps_fields_the_caller_set()
    {
        var (h, turn) = await StartAsync();
        await using var _ = h;

        await turn.SendAsync(new Activity { Conversation = new ConversationAccount { Id = "a:other" }, ReplyToId = "", Text = "x" }, CancellationToken.None);

        var request = Assert.Single(h.Sink.Requests);
        Assert.Equal("/amer/v3/conversations/a%3Aother/activities", request.RawTarget);
    }

    [Fact]
    public void Invoke_response_helpers_have_the_universal_action_shape()
    {
        var card = JsonSerializer.SerializeToElement(new { type = "AdaptiveCard", version = "1.5" });

        var cardJson = JsonSerializer.Serialize(InvokeResponse.Card(card).Body, ProtocolJson.Options);
        var error = InvokeResponse.Error(400, "BadRequest", "Ticket inconnu");
        var anonymous = JsonSerializer.Serialize(new InvokeResponse(200, new { Task = new { Type = "message", Value = "ok" } }).Body, ProtocolJson.Options);

        JsonAssert.Equivalent(JsonNode.Parse("{\"statusCode\":200,\"type\":\"application/vnd.microsoft.card.adaptive\",\"value\":{\"type\":\"AdaptiveCard\",\"version\":\"1.5\"}}"), JsonNode.Parse(cardJson));
        Assert.Equal(200, error.Status);
        JsonAssert.Equivalent(
            JsonNode.Parse("{\"statusCode\":400,\"type\":\"application/vnd.microsoft.error\",\"value\":{\"code\":\"BadRequest\",\"message\":\"Ticket inconnu\"}}"),
            JsonNode.Parse(JsonSerializer.Serialize(error.Body, ProtocolJson.Options)));
        Assert.Equal("{\"task\":{\"type\":\"message\",\"value\":\"ok\"}}", anonymous);
    }
}
