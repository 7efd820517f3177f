using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Protocol.DataQueries;
using ChatOpsBot.Protocol.Schema;
using Xunit;

namespace ChatOpsBot.Protocol.Tests.DataQueries;

/// <summary>
/// <c>application/search</c> for a Data.Query choice set, in the shapes Microsoft Learn documents ("Typeahead search in
/// Adaptive Cards": the invoke request, dependent inputs, the response); no Teams recording of it exists.
/// </summary>
public class ChoiceQueryTests
{
    private static Activity Invoke(string value) => new()
    {
        Type = "invoke",
        Name = ChoiceQuery.InvokeName,
        Value = JsonDocument.Parse(value).RootElement.Clone(),
    };

    [Fact]
    public void Reads_the_documented_request_with_its_associated_inputs()
    {
        var query = ChoiceQuery.From(Invoke("""{"queryText":"india","queryOptions":{"skip":0,"top":15},"dataset":"cities","data":{"country":"india","n":3}}"""))!;
        Assert.Equal(("cities", "india", 0, 15), (query.Dataset, query.Text, query.Skip, query.Top));
        Assert.Equal("india", query.Input("country"));
        Assert.Null(query.Input("n"));
        Assert.Null(query.Input("city"));
    }

    [Theory]
    [InlineData("""{"dataset":"d"}""", "", 0, 15)]
    [InlineData("""{"dataset":"d","queryText":"  abc ","queryOptions":{"skip":"30","top":"500"}}""", "abc", 30, 15)]
    [InlineData("""{"dataset":"d","queryText":5,"queryOptions":{"skip":-3,"top":0}}""", "", 0, 1)]
    public void Reads_any_client_leniently(string value, string text, int skip, int top)
    {
        var query = ChoiceQuery.From(Invoke(value))!;
        Assert.Equal((text, skip, top), (query.Text, query.Skip, query.Top));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"dataset":""}""")]
    [InlineData("""{"dataset":7}""")]
    [InlineData("""[]""")]
    public void No_dataset_no_query(string value) => Assert.Null(ChoiceQuery.From(Invoke(value)));

    [Fact]
    public void Answers_the_documented_search_response()
    {
        var response = InvokeResponse.Choices([new ChoiceResult("Fluent UI Library", "FluentUI")]);
        Assert.Equal(200, response.Status);
        var body = JsonNode.Parse(JsonSerializer.Serialize(response.Body))!;
        Assert.Equal("application/vnd.microsoft.search.searchResponse", body["type"]!.GetValue<string>());
        Assert.Equal("""[{"title":"Fluent UI Library","value":"FluentUI"}]""", body["value"]!["results"]!.ToJsonString());
    }
}
