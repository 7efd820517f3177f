using System.Text.Json;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.Serialization;
using ChatOpsBot.Cards.Tests.Infrastructure;
using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Cards.Tests.Serialization;

public class SerializerTests
{
    [Fact]
    public void Attachment_has_the_adaptive_card_content_type_and_the_card_as_content()
    {
        var card = HelpCard.Build(new HelpCardModel());
        var attachment = CardAttachment.From(card);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.Equal("AdaptiveCard", (string?)attachment.Content["type"]);
        Assert.Equal("1.5", (string?)attachment.Content["version"]);
        Assert.Equal("Full", (string?)attachment.Content["msteams"]?["width"]);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(CardJson.Parse(card), attachment.Content));
    }

    [Fact]
    public void Type_discriminator_comes_first_and_nulls_are_omitted()
    {
        var json = CardSerializer.ToJson(new AdaptiveCard { Body = [new TextBlock("x")] });
        Assert.Equal("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x"}]}""", json);
    }

    [Fact]
    public void Accents_are_written_as_is()
    {
        var json = CardSerializer.ToJson(new AdaptiveCard { Body = [new TextBlock("Équipe › « é »")] });
        Assert.Contains("Équipe › « é »", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Action_data_is_read_back_from_an_invoke_value_with_merged_inputs()
    {
        using var doc = JsonDocument.Parse("""
            {"verb":"resolve","ticketId":"123","stamp":"2026-11-28 10:15:00","resolveSolution":"fait","resolveService":"41"}
            """);
        var data = CardSerializer.ReadActionData(doc.RootElement);
        Assert.Equal(new CardActionData(CardVerbs.Resolve) { TicketId = "123", Stamp = "2026-11-28 10:15:00" }, data);
    }

    [Theory]
    [InlineData("""{"ticketId":"123"}""")]
    [InlineData("""{"verb":""}""")]
    [InlineData("""{"verb":42}""")]
    [InlineData("""{"verb":"close","page":"two"}""")]
    [InlineData("""["verb"]""")]
    [InlineData("\"close\"")]
    public void Malformed_action_data_reads_as_null(string json)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Null(CardSerializer.ReadActionData(doc.RootElement));
    }

    [Fact]
    public void Refresh_action_is_typed_and_its_user_ids_are_deduplicated_and_capped()
    {
        var ids = Enumerable.Range(0, 70).Select(i => $"29:user-{i}").Append("29:user-1").Append(" ").ToList();
        var card = TicketCard.Build(Samples.Ticket(CardTicketStatus.Assigned) with { RefreshUserIds = ids });
        var json = CardJson.Parse(card);
        Assert.Equal("Action.Execute", (string?)json["refresh"]!["action"]!["type"]);
        Assert.Equal("refresh", (string?)json["refresh"]!["action"]!["verb"]);
        var userIds = json["refresh"]!["userIds"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal(ids.Take(60), userIds);
    }
}
