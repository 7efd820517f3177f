using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.Testing;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Schema;

public class ActivityTests
{
    private static Activity Recorded(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.TeamsRecordings, file)))!["body"]!.Deserialize(ProtocolJsonContext.Default.Activity)!;

    [Theory]
    [InlineData("\"True\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("null", null)]
    public void IsGroup_is_read_leniently(string json, bool? expected)
    {
        var activity = JsonSerializer.Deserialize("{\"type\":\"message\",\"conversation\":{\"id\":\"x\",\"isGroup\":" + json + "}}", ProtocolJsonContext.Default.Activity)!;
        Assert.Equal(expected, activity.Conversation!.IsGroup);
    }

    [Fact]
    public void IsGroup_string_is_written_back_as_boolean()
    {
        var activity = JsonSerializer.Deserialize("{\"type\":\"message\",\"conversation\":{\"id\":\"x\",\"isGroup\":\"True\"}}", ProtocolJsonContext.Default.Activity)!;
        var json = JsonSerializer.Serialize(activity, ProtocolJson.Options);
        Assert.Contains("\"isGroup\":true", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_survive_at_every_level()
    {
        const string json = """
            {"type":"message","x-root":1,"from":{"id":"29:a","x-from":[1,2]},"conversation":{"id":"c","x-conv":{"a":null}},
             "entities":[{"type":"clientInfo","locale":"fr-FR"}],"attachments":[{"contentType":"t","x-att":"v"}],
             "channelData":{"settings":{"prop1":"kept"}}}
            """;
        var activity = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;
        Infrastructure.JsonAssert.Equivalent(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options)));
    }

    [Fact]
    public void Nulls_are_omitted_on_write()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = ActivityTypes.Message, Text = "hi" }, ProtocolJson.Options);
        Assert.Equal("{\"type\":\"message\",\"text\":\"hi\"}", json);
    }

    [Fact]
    public void Bot_mention_is_stripped_using_the_entity_text_even_when_the_name_differs()
    {
        // Recorded channel message: tag "<at>My Combined</at>", recipient name "teams2".
        var activity = Directory.EnumerateFiles(TestData.TeamsRecordings, "*-request-*.json")
            .Select(f => Recorded(Path.GetFileName(f)))
            .First(a => a.Type == ActivityTypes.Message && a.Text?.Contains("<at>", StringComparison.Ordinal) == true
                && a.Entities?.Any(e => e.Type == "mention" && e.Mentioned?.Id == a.Recipient?.Id) == true);

        var stripped = activity.GetTextWithoutMentions();

        Assert.DoesNotContain("<at>", stripped, StringComparison.Ordinal);
        var mention = activity.Entities!.First(e => e.Type == "mention").Text!;
        Assert.DoesNotContain(mention[4..^5], stripped, StringComparison.Ordinal);
        Assert.Equal(stripped.Trim(), stripped);
        Assert.NotEmpty(stripped);
    }

    [Fact]
    public void Other_mentions_keep_their_inner_text_and_a_space()
    {
        var activity = new Activity
        {
            Text = "<at>Bot</at> assign to <at>Tom</at>is done",
            Recipient = new ChannelAccount { Id = "28:BOT" },
            Entities =
            [
                new Entity { Type = "mention", Text = "<at>Bot</at>", Mentioned = new ChannelAccount { Id = "28:bot", Name = "Bot" } },
                new Entity { Type = "mention", Text = "<at>Tom</at>", Mentioned = new ChannelAccount { Id = "29:tom", Name = "Tom" } },
            ],
        };

        Assert.Equal("assign to Tom is done", activity.GetTextWithoutMentions());
    }

    [Fact]
    public void Mention_without_entity_text_falls_back_to_the_name()
    {
        var activity = new Activity
        {
            Text = "<at>ChatOps</at> aide",
            Recipient = new ChannelAccount { Id = "28:b" },
            Entities = [new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "28:b", Name = "ChatOps" } }],
        };

        Assert.Equal("aide", activity.GetTextWithoutMentions());
    }

    [Fact]
    public void CreateReply_swaps_accounts_and_keeps_conversation_and_locale()
    {
        var inbound = Recorded(Directory.EnumerateFiles(TestData.TeamsRecordings, "*-request-*.json")
            .Select(Path.GetFileName).First(f => Recorded(f!).Type == ActivityTypes.Message)!);

        var reply = inbound.CreateReply("ok");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("ok", reply.Text);
        Assert.Equal(inbound.Recipient!.Id, reply.From!.Id);
        Assert.Equal(inbound.From!.Id, reply.Recipient!.Id);
        Assert.Equal(inbound.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(inbound.Id, reply.ReplyToId);
        Assert.Equal(inbound.Locale, reply.Locale);
        Assert.Null(reply.ServiceUrl);
        Assert.Null(reply.Id);
    }

    [Fact]
    public void Tenant_id_comes_from_conversation_or_channel_data()
    {
        var a = JsonSerializer.Deserialize("{\"type\":\"message\",\"channelData\":{\"tenant\":{\"id\":\"t1\"}}}", ProtocolJsonContext.Default.Activity)!;
        Assert.Equal("t1", a.GetTenantId());
        a.Conversation = new ConversationAccount { TenantId = "t2" };
        Assert.Equal("t2", a.GetTenantId());
    }
}
