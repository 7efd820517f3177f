using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Errors;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Itop.Tests.RealItop;
using ChatOpsBot.Testing.RealItop;
using ChatOpsBot.Tickets.Failures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Desk;

/// <summary>Every refusal the recorded iTop answered crosses the port as the domain's failure of its kind.</summary>
[Collection(RealItopCollection.Name)]
public sealed class DeskFailureKindTests
{
    public static TheoryData<string> Refusals()
    {
        var data = new TheoryData<string>();
        foreach (var file in Corpus.Files.Select(Path.GetFileName))
        {
            if (Body(file!)["code"]!.GetValue<int>() != 0)
            {
                data.Add(file!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Each_recorded_refusal_is_a_desk_failure_of_its_kind(string file)
    {
        var body = Body(file);
        var message = body["message"]?.GetValue<string>() ?? "";
        var expected = body["code"]!.GetValue<int>() switch
        {
            1 => DeskFailureKind.CredentialsRefused,
            100 when message.Contains("Invalid object ", StringComparison.Ordinal) || message.Contains("No item found", StringComparison.Ordinal) => DeskFailureKind.NotFound,
            _ => DeskFailureKind.Refused,
        };
        Assert.Equal(expected, KindOf(body));
    }

    [Fact]
    public void The_corpus_holds_not_found_answers_for_a_ticket_an_agent_and_a_service()
    {
        var notFound = Corpus.Files.Select(f => Path.GetFileName(f)!)
            .Where(f => Body(f)["code"]!.GetValue<int>() != 0 && KindOf(Body(f)) == DeskFailureKind.NotFound)
            .ToList();

        Assert.Contains("103-update-unknown-key.json", notFound);
        Assert.Contains("144-stimulus-assign-unknown-agent-id.json", notFound);
        Assert.Contains("072-create-userrequest-unknown-service-id.json", notFound);
    }

    [RealItopFact]
    public async Task Real_itop_answers_an_unknown_ticket_as_not_found()
    {
        await using var sp = DeskFactory.Build(RealItopInstance.Url, settings: RealItopInstance.Settings);
        var client = sp.GetRequiredService<ItopClient>();

        var failure = await Assert.ThrowsAsync<ItopObjectNotFoundException>(() =>
            client.UpdateAsync("UserRequest", 999_999, new JsonObject { ["title"] = "x" }, "Hamid Le Fleurier via Teams", "id", default));

        Assert.Equal(DeskFailureKind.NotFound, failure.Kind);
        Assert.Equal("Error: Invalid object UserRequest::999999", failure.Message);
    }

    private static DeskFailureKind KindOf(JsonObject body) =>
        ((TicketDeskException)Assert.ThrowsAny<ItopException>(() => ItopResponseParser.Parse(body.ToJsonString()))).Kind;

    private static JsonObject Body(string file) => (JsonObject)Corpus.Exchange(file[..3])["response"]!["body"]!;
}
