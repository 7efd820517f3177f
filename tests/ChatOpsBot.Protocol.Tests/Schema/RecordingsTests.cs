using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.Protocol.Tests.Infrastructure;
using ChatOpsBot.Testing;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.Schema;

public class RecordingsTests
{
    public static TheoryData<string> Recordings()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestData.TeamsRecordings, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void All_78_recordings_are_present()
    {
        Assert.Equal(78, Recordings().Count);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Recording_parses_and_round_trips_without_losing_a_field(string file)
    {
        var recording = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.TeamsRecordings, file)))!.AsObject();
        if (file.Contains("-request-", StringComparison.Ordinal))
        {
            var body = recording["body"]!;
            var activity = body.Deserialize(ProtocolJsonContext.Default.Activity)!;
            Assert.False(string.IsNullOrEmpty(activity.Type));
            Assert.Equal("msteams", activity.ChannelId);
            Assert.NotNull(activity.Conversation?.Id);
            Assert.StartsWith("https://smba.trafficmanager.net/", activity.ServiceUrl, StringComparison.Ordinal);
            RoundTrip(body, ProtocolJsonContext.Default.Activity);
            return;
        }

        var method = recording["method"]!.GetValue<string>();
        var path = recording["path"]!.GetValue<string>();
        if (recording["body"] is JsonObject outbound)
        {
            if (path.EndsWith("/v3/conversations", StringComparison.Ordinal))
            {
                var parameters = outbound.Deserialize(ProtocolJsonContext.Default.ConversationParameters)!;
                Assert.NotNull(parameters.Activity?.Type ?? parameters.Members?.FirstOrDefault()?.Id);
                RoundTrip(outbound, ProtocolJsonContext.Default.ConversationParameters);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(outbound.Deserialize(ProtocolJsonContext.Default.Activity)!.Type));
                RoundTrip(outbound, ProtocolJsonContext.Default.Activity);
            }
        }

        switch (recording["response"])
        {
            case JsonArray members:
                var accounts = members.Deserialize(ProtocolJsonContext.Default.ListTeamsChannelAccount)!;
                Assert.All(accounts, a => Assert.StartsWith("29:", a.Id, StringComparison.Ordinal));
                Assert.All(accounts, a => Assert.NotNull(a.EffectiveAadObjectId));
                RoundTrip(members, ProtocolJsonContext.Default.ListTeamsChannelAccount);
                break;
            case JsonObject created when method == "POST" && path.EndsWith("/v3/conversations", StringComparison.Ordinal):
                var conversation = created.Deserialize(ProtocolJsonContext.Default.ConversationResourceResponse)!;
                Assert.Contains(";messageid=", conversation.Id, StringComparison.Ordinal);
                Assert.NotNull(conversation.ActivityId);
                RoundTrip(created, ProtocolJsonContext.Default.ConversationResourceResponse);
                break;
            case JsonObject resource when method is "POST" or "PUT":
                Assert.NotNull(resource.Deserialize(ProtocolJsonContext.Default.ResourceResponse)!.Id);
                RoundTrip(resource, ProtocolJsonContext.Default.ResourceResponse);
                break;
            case JsonObject other:
                Assert.NotEmpty(other); // team details / channel list: not modelled, must still be JSON
                break;
            default:
                Assert.Equal(202, recording["status"]!.GetValue<int>());
                break;
        }
    }

    private static void RoundTrip<T>(JsonNode original, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var typed = original.Deserialize(typeInfo);
        var written = JsonSerializer.SerializeToNode(typed!, typeInfo);
        JsonAssert.Equivalent(original, written);

        // And through the shared options (what the Connector client and endpoint use).
        var viaOptions = JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(original.ToJsonString(), ProtocolJson.Options), ProtocolJson.Options);
        JsonAssert.Equivalent(original, JsonNode.Parse(viaOptions));
    }
}
