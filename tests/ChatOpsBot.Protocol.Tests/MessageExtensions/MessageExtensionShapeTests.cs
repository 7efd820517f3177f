using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Protocol.MessageExtensions;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.Testing;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.MessageExtensions;

/// <summary>The message-extension invokes as recorded from real Teams, and the answers' shape.</summary>
public class MessageExtensionShapeTests
{
    private static Activity Recorded(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.TeamsRecordings, file)))!["body"]!.Deserialize(ProtocolJsonContext.Default.Activity)!;

    [Fact]
    public void Recorded_search_reads_its_command_text_and_page()
    {
        var activity = Recorded("20191019181248819-request-integrationBot.json");

        Assert.Equal(MessageExtensionInvokes.Query, activity.Name);
        Assert.Equal(new SearchQuery("searchQuery", "exit", 0, 25, false), SearchQuery.From(activity));
    }

    [Fact]
    public void Recorded_link_reads_its_url()
    {
        var activity = Recorded("20191019180810156-request-integrationBot.json");

        Assert.Equal(MessageExtensionInvokes.QueryLink, activity.Name);
        Assert.Equal(new Uri("https://foo.com/"), LinkQuery.UrlOf(activity));
    }

    [Theory]
    [InlineData("""{"parameters":[{"value":"moodle"}],"queryOptions":{"skip":0,"count":25},"commandContext":"compose"}""", "moodle", 0, 25, false)]
    [InlineData("""{"commandId":"searchTickets","parameters":[{"name":"initialRun","value":"true"}],"queryOptions":{"skip":25,"count":25}}""", "", 25, 25, true)]
    [InlineData("""{"parameters":[{"name":"searchQuery","value":12}],"queryOptions":{"skip":"50","count":"500"}}""", "12", 50, 50, false)]
    [InlineData("""{"parameters":"x","queryOptions":{"skip":-5,"count":0}}""", "", 0, 1, false)]
    [InlineData("""{}""", "", 0, 25, false)]
    public void Search_values_of_any_client_read_leniently(string value, string text, int skip, int count, bool initialRun)
    {
        using var document = JsonDocument.Parse(value);
        var query = SearchQuery.From(new Activity { Type = ActivityTypes.Invoke, Value = document.RootElement.Clone() });

        Assert.NotNull(query);
        Assert.Equal((text, skip, count, initialRun), (query.Text, query.Skip, query.Count, query.InitialRun));
    }

    [Theory]
    [InlineData("\"moodle\"")]
    [InlineData("[1]")]
    public void A_search_value_that_is_not_an_object_is_no_query(string value)
    {
        using var document = JsonDocument.Parse(value);

        Assert.Null(SearchQuery.From(new Activity { Type = ActivityTypes.Invoke, Value = document.RootElement.Clone() }));
    }

    [Theory]
    [InlineData("""{"url":"javascript:alert(1)"}""")]
    [InlineData("""{"url":"/relative"}""")]
    [InlineData("""{"url":12}""")]
    [InlineData("""{}""")]
    public void A_link_that_is_not_an_absolute_http_url_is_no_link(string value)
    {
        using var document = JsonDocument.Parse(value);

        Assert.Null(LinkQuery.UrlOf(new Activity { Type = ActivityTypes.Invoke, Value = document.RootElement.Clone() }));
    }

    [Fact]
    public void Results_are_a_list_of_attachments_with_a_thumbnail_preview_and_the_link_cache()
    {
        using var card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""");
        var response = MessageExtensionResult.Results(
            [new MessageExtensionResult.Item(Attachment.AdaptiveCardContentType, card.RootElement, new ThumbnailPreview("R-000001 · Titre", "Nouveau · INSA Lyon", "Demandeur : Jean Dupont"))],
            LinkCache.NoCache);

        Assert.Equal(200, response.Status);
        var body = JsonNode.Parse(JsonSerializer.Serialize(response.Body))!;
        Assert.Equal(
            """{"composeExtension":{"type":"result","attachmentLayout":"list","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5","body":[]},"preview":{"contentType":"application/vnd.microsoft.card.thumbnail","content":{"title":"R-000001 \u00B7 Titre","subtitle":"Nouveau \u00B7 INSA Lyon","text":"Demandeur : Jean Dupont"}}}]},"cacheInfo":{"cacheType":"no-cache"}}""",
            body.ToJsonString());
        Assert.Equal("""{"composeExtension":{"type":"message","text":"iTop ne r\u00E9pond pas"}}""", JsonSerializer.Serialize(MessageExtensionResult.Message("iTop ne répond pas").Body));
    }
}
