using System.Text;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.Serialization;
using ChatOpsBot.Cards.Tests.Infrastructure;
using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Cards.Tests.Layouts;

/// <summary>Teams refuses messages above 100 KB: every layout stays below with maximal content.</summary>
public class SizeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string Long(int length, char seed = 'é') => new(seed, length);

    private static List<ChoiceOption> Options(int count, string prefix) =>
        Enumerable.Range(1, count).Select(i => new ChoiceOption((10000 + i).ToString(), $"{prefix} {i} {Long(40, 'x')}")).ToList();

    private static List<string> UserIds(int count) =>
        Enumerable.Range(1, count).Select(i => $"29:1{i:D4}-{Guid.Empty}-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").ToList();

    public static TicketCardModel MaximalTicket() => Samples.Ticket(CardTicketStatus.Assigned, Enum.GetValues<TicketAction>()) with
    {
        Title = Long(CardLimits.TitleMaxLength),
        Requester = Long(255),
        Organisation = Long(255),
        SchoolReference = Long(CardLimits.SchoolReferenceMaxLength),
        PublicLog = Enumerable.Range(1, 60).Select(i => new LogEntryView(Long(255), "28/11/2026 11:15", Long(CardLimits.TextMaxLength))).ToList(),
        RefreshUserIds = UserIds(80),
        Notice = Long(500),
        OpenForm = TicketAction.Assign,
        Choices = new TicketFormChoices
        {
            Teams = Options(50, "Équipe"),
            TeamAgents = Options(100, "Agent"),
            ReassignAgents = Options(100, "Agent"),
            Services = Options(100, "Service"),
            SubServices = Options(100, "Sous-service"),
        },
    };

    public static IEnumerable<object[]> Maximal()
    {
        yield return ["ticket", (AdaptiveCard)TicketCard.Build(MaximalTicket())];
        yield return ["form", NewTicketForm.Build(new NewTicketFormModel
        {
            DraftId = Guid.Empty.ToString(),
            Briques = Options(50, "Brique"),
            Services = Options(100, "Service"),
            SubServices = Options(100, "Sous-service"),
            People = Options(500, "Personne"),
            Title = Long(CardLimits.TitleMaxLength),
            Description = Long(CardLimits.TextMaxLength),
            UserWords = Long(CardLimits.TextMaxLength),
            SchoolReference = Long(CardLimits.SchoolReferenceMaxLength),
            Errors = new[] { CardInputIds.Brique, CardInputIds.Service, CardInputIds.Title, CardInputIds.Description }
                .ToDictionary(k => k, _ => Long(300)),
            FormError = Long(500),
        })];
        yield return ["approval", ApprovalCard.Build(Samples.Approval(ApprovalCardView.Decided, ApprovalDecision.Rejected) with
        {
            Request = Long(CardLimits.TitleMaxLength),
            Reason = Long(CardLimits.TextMaxLength * 3),
            DecisionComment = Long(CardLimits.TextMaxLength * 3),
            RefreshUserIds = UserIds(80),
        })];
        yield return ["list", TicketListCard.Build(new TicketListCardModel
        {
            Scope = TicketListScope.Team,
            Page = 2,
            PageCount = 40,
            TotalCount = 1000,
            Rows = Enumerable.Range(1, 50).Select(i => new TicketListRow(i.ToString(), $"R-{i:D6}", Long(255), CardTicketStatus.Pending, Long(255))).ToList(),
        })];
        yield return ["help", HelpCard.Build(new HelpCardModel(Long(10000)))];
        yield return ["error", ErrorCard.Build(new NoticeCardModel(Long(2000)) { Title = Long(255), RetryDraftId = Guid.Empty.ToString() })];
    }

    [Theory]
    [MemberData(nameof(Maximal))]
    public void Maximal_card_stays_under_100_KB(string name, AdaptiveCard card)
    {
        var bytes = Encoding.UTF8.GetByteCount(CardSerializer.ToJson(card));
        Assert.Equal(bytes, CardSerializer.Utf8Size(card));
        output.WriteLine($"{name}: {bytes} bytes");
        Assert.True(bytes < CardLimits.MaxCardBytes, $"{name}: {bytes} bytes");
    }

    [Theory]
    [MemberData(nameof(Maximal))]
    public void Maximal_card_is_still_schema_valid(string name, AdaptiveCard card)
    {
        Assert.True(name.Length > 0);
        Assert.Empty(AdaptiveCardSchema.Validate(CardSerializer.ToJson(card)));
    }

    [Fact]
    public void Ticket_card_shows_three_log_entries_cut_to_the_display_length_and_60_refresh_ids()
    {
        var card = TicketCard.Build(MaximalTicket());
        Assert.Equal(CardRefresh.MaxUserIds, card.Refresh!.UserIds!.Count);
        var logTexts = CardJson.Texts(card).Where(t => t.StartsWith(Long(10), StringComparison.Ordinal) && t.Length > 500).ToList();
        Assert.Equal(CardLimits.LogEntriesShown, logTexts.Count);
        Assert.All(logTexts, t => Assert.Equal(CardLimits.LogEntryShownLength, t.Length));
        Assert.All(logTexts, t => Assert.EndsWith("…", t, StringComparison.Ordinal));
    }

    /// <summary>Issue 14: the story's texts are capped, so a huge description and 50 entries in each log stay readable and small.</summary>
    [Theory]
    [InlineData(CardTicketStatus.New)]
    [InlineData(CardTicketStatus.Assigned)]
    [InlineData(CardTicketStatus.Pending)]
    [InlineData(CardTicketStatus.Resolved)]
    [InlineData(CardTicketStatus.Closed)]
    public void A_ticket_with_a_huge_description_and_50_log_entries_stays_under_the_limit(CardTicketStatus status)
    {
        var hugeDescription = string.Join("\n", Enumerable.Repeat(Long(200, 'd'), 1000));
        var model = MaximalTicket() with
        {
            Status = status,
            Story = Long(500, 's'),
            Description = hugeDescription,
            UserWords = Long(CardLimits.TextMaxLength * 5, 'w'),
            PendingReason = Long(CardLimits.TextMaxLength * 5, 'p'),
            Solution = Long(CardLimits.TextMaxLength * 5, 'r'),
            PublicLog = Enumerable.Range(1, 50).Select(_ => new LogEntryView(Long(255), "28/11/2026 11:15", Long(CardLimits.TextMaxLength * 2))).ToList(),
            PrivateLog = Enumerable.Range(1, 50).Select(_ => new LogEntryView(Long(255), "28/11/2026 11:15", Long(CardLimits.TextMaxLength * 2, 'n'))).ToList(),
        };

        var card = TicketCard.Build(model);
        var bytes = CardSerializer.Utf8Size(card);
        // The same texts on an ordinary ticket (seed-sized names, no open form): what the story itself weighs.
        var ordinary = CardSerializer.Utf8Size(TicketCard.Build(Samples.Ticket(status, TicketAction.Comment, TicketAction.Refresh) with
        {
            Description = model.Description, UserWords = model.UserWords, PendingReason = model.PendingReason, Solution = model.Solution,
            PublicLog = Enumerable.Range(1, 50).Select(_ => new LogEntryView("Hamid Le Fleurier", "28/11/2026 11:15 (heure de Paris)", Long(CardLimits.TextMaxLength * 2, 'x'))).ToList(),
            PrivateLog = model.PrivateLog.Select(e => e with { Author = "Hamid Le Fleurier" }).ToList(),
        }));
        output.WriteLine($"{status}: {bytes} bytes with every form and maximal names; {ordinary} bytes on an ordinary ticket");
        Assert.True(ordinary < bytes);
        Assert.True(bytes < CardLimits.MaxCardBytes, $"{status}: {bytes} bytes");
        Assert.Empty(AdaptiveCardSchema.Validate(CardSerializer.ToJson(card)));
        var texts = CardJson.Texts(card).ToList();
        Assert.Contains(texts, t => t.StartsWith(Long(10, 'd'), StringComparison.Ordinal) && t.Length == CardLimits.DescriptionShownLength);
        Assert.Equal(CardLimits.LogEntriesShown, texts.Count(t => t.StartsWith(Long(10, 'n'), StringComparison.Ordinal)));
        Assert.All(texts.Where(t => t.StartsWith(Long(10, 'w'), StringComparison.Ordinal)), t => Assert.Equal(CardLimits.StoryTextShownLength, t.Length));
    }

    [Fact]
    public void Choice_lists_are_capped()
    {
        var card = NewTicketForm.Build(Samples.EmptyForm() with { People = Options(CardLimits.MaxChoices + 200, "Personne") });
        var people = CardJson.OfType(card, "Input.ChoiceSet").Single(o => (string?)o["id"] == CardInputIds.OnBehalfOf);
        Assert.Equal(CardLimits.MaxChoices, people["choices"]!.AsArray().Count);
    }

    [Fact]
    public void Compact_json_is_the_wire_form()
    {
        var card = TicketCard.Build(Samples.Ticket(CardTicketStatus.New));
        Assert.True(CardSerializer.ToJson(card).Length < CardSerializer.ToJson(card, indented: true).Length);
        Assert.DoesNotContain('\n', CardSerializer.ToJson(card));
    }
}
