using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Desk;
using ChatOpsBot.Itop.Errors;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Itop.Text;
using ChatOpsBot.Tickets;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Rest;

/// <summary>Every recorded response becomes a typed result or a typed error.</summary>
public sealed class CorpusParsingTests
{
    private static readonly Microsoft.Extensions.Options.IOptions<ItopOptions> Defaults = Microsoft.Extensions.Options.Options.Create(new ItopOptions());
    private static readonly ItopMapper Mapper = new(ItopDates.For("Europe/Paris"), new ItopAccount(Defaults), Defaults);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Corpus.Files)
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_167_exchanges() => Assert.Equal(167, Corpus.Files.Count());

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_response_parses(string file)
    {
        var exchange = Corpus.Exchange(file[..3]);
        var body = (JsonObject)exchange["response"]!["body"]!;
        var code = body["code"]!.GetValue<int>();
        var message = body["message"]?.GetValue<string>();

        if (code != 0)
        {
            var ex = Assert.ThrowsAny<ItopException>(() => ItopResponseParser.Parse(body.ToJsonString()));
            Assert.Equal(code, ex.Code);
            Assert.Equal(message, ex.Message);
            Assert.IsType(ExpectedError(code, message!), ex);
            return;
        }

        var envelope = ItopResponseParser.Parse(body.ToJsonString());
        Assert.Equal(message, envelope.Message);
        var objects = body["objects"] as JsonObject;
        Assert.Equal(objects?.Count ?? 0, envelope.Objects.Count);
        foreach (var o in envelope.Objects)
        {
            var raw = (JsonObject)objects![$"{o.Class}::{o.Key}"]!;
            Assert.Equal(raw["key"]!.ToString(), o.Key.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (o.Class == "UserRequest" && o.Fields["status"] is not null)
            {
                var ticket = Mapper.ToTicket(o);
                Assert.Equal(o.Fields["status"]!.GetValue<string>(), ticket.Status.ToCode());
                Assert.Equal(o.Text("ref"), ticket.Ref);
            }

            if (o.Fields["public_log"] is JsonObject log)
            {
                Assert.Equal(((JsonArray)log["entries"]!).Count, Mapper.ToTicket(o).PublicLog.Count);
            }
        }

        if (message is not null && message.StartsWith("Found: ", StringComparison.Ordinal))
        {
            Assert.Equal(int.Parse(message[7..], System.Globalization.CultureInfo.InvariantCulture), envelope.Total);
        }

        if (body["authorized"] is JsonValue authorized)
        {
            Assert.Equal(authorized.GetValue<bool>(), envelope.Authorized);
        }
    }

    [Fact]
    public void A_ticket_is_mapped_with_names_ids_and_dates()
    {
        var ticket = Mapper.ToTicket(ItopResponseParser.Parse(Corpus.Body("058")).Objects.Single());
        Assert.Equal((2, "R-000002", TicketStatus.New), (ticket.Id, ticket.Ref, ticket.Status));
        Assert.Equal((3, "INSA Lyon", 11, "Jean Dupont"), (ticket.OrgId, ticket.OrgName, ticket.CallerId!.Value, ticket.CallerName));
        Assert.Equal((4, "Droits Moodle", 8, "Droit de création de cours"), (ticket.ServiceId!.Value, ticket.ServiceName, ticket.SubServiceId!.Value, ticket.SubServiceName));
        Assert.Null(ticket.TeamId);
        Assert.Null(ticket.AgentId);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 12, 1, 0, TimeSpan.FromHours(1)), ticket.StartDate);
        Assert.Null(ticket.ResolutionDate);
    }

    [Fact]
    public void Case_log_entries_keep_their_order_and_user_id_may_be_an_integer()
    {
        var stored = ItopResponseParser.Parse(Corpus.Body("098")).Objects.Single();
        var ticket = Mapper.ToTicket(stored);
        Assert.Equal(4, ticket.PublicLog.Count);
        Assert.Equal("Jean Dupont", ticket.PublicLog[3].UserLogin);
        Assert.Equal("Note interne :<br/>vérifier le compte LDAP &lt;avant&gt;.", stored.CaseLog("private_log").Single().MessageHtml);
        Assert.Equal(stored.CaseLog("private_log").Single().Message, ticket.PrivateLog.Single().Text);
    }

    [Fact]
    public void A_non_json_answer_is_unavailable() =>
        Assert.Throws<ItopUnavailableException>(() => ItopResponseParser.Parse("<html>502 Bad Gateway</html>"));

    private static Type ExpectedError(int code, string message) => code switch
    {
        1 => typeof(ItopUnauthorizedException),
        100 when message.StartsWith("Invalid stimulus", StringComparison.Ordinal) => typeof(ItopInvalidStimulusException),
        100 when message.StartsWith("Missing mandatory attribute(s)", StringComparison.Ordinal) => typeof(ItopMissingAttributesException),
        100 when message.Contains("Invalid object", StringComparison.Ordinal) || message.Contains("No item found", StringComparison.Ordinal) => typeof(ItopObjectNotFoundException),
        100 => typeof(ItopInternalErrorException),
        _ => typeof(ItopBadRequestException),
    };
}
