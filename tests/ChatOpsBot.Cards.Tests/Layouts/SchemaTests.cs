using ChatOpsBot.Cards.Serialization;
using ChatOpsBot.Cards.Tests.Infrastructure;

namespace ChatOpsBot.Cards.Tests.Layouts;

public class SchemaTests
{
    [Theory]
    [MemberData(nameof(GoldenCases.All), MemberType = typeof(GoldenCases))]
    public void Card_is_valid_against_the_adaptive_card_1_5_schema(string name)
    {
        var errors = AdaptiveCardSchema.Validate(CardSerializer.ToJson(GoldenCases.Build(name)));
        Assert.Empty(errors);
    }

    [Fact]
    public void Validator_rejects_a_broken_card()
    {
        const string broken = """
            {"type":"AdaptiveCard","version":"1.5","body":[
              {"type":"Input.Text","label":"no id"},
              {"type":"TextBlok","text":"typo"},
              {"type":"TextBlock","text":"x","size":"Huge"}],
             "actions":[{"type":"Action.Foo","title":"?"}]}
            """;
        Assert.NotEmpty(AdaptiveCardSchema.Validate(broken));
    }

    [Fact]
    public void Validator_strips_root_msteams_but_not_unknown_root_properties()
    {
        const string withTeams = """{"type":"AdaptiveCard","version":"1.5","body":[],"msteams":{"width":"Full"}}""";
        const string withOther = """{"type":"AdaptiveCard","version":"1.5","body":[],"teams":{"width":"Full"}}""";
        Assert.Empty(AdaptiveCardSchema.Validate(withTeams));
        Assert.NotEmpty(AdaptiveCardSchema.Validate(withOther));
    }

    [Fact]
    public void Only_the_filtered_choice_style_and_dependent_choices_need_the_schema_patch()
    {
        static string Card(string style) =>
            "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"Input.ChoiceSet\",\"id\":\"p\",\"style\":\""
            + style + "\",\"choices\":[{\"title\":\"A\",\"value\":\"a\"}]}]}";

        Assert.NotEmpty(AdaptiveCardSchema.Validate(Card("filtered"), pristine: true));
        Assert.Empty(AdaptiveCardSchema.Validate(Card("filtered")));
        Assert.NotEmpty(AdaptiveCardSchema.Validate(Card("bogus")));

        const string dependent = "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"Input.ChoiceSet\",\"id\":\"p\","
            + "\"choices\":[{\"title\":\"A\",\"value\":\"a\"}],\"choices.data\":{\"type\":\"Data.Query\",\"dataset\":\"d\",\"associatedInputs\":\"auto\"}}]}";
        Assert.NotEmpty(AdaptiveCardSchema.Validate(dependent, pristine: true));
        Assert.Empty(AdaptiveCardSchema.Validate(dependent));
        Assert.NotEmpty(AdaptiveCardSchema.Validate(dependent.Replace("\"auto\"", "\"all\"", StringComparison.Ordinal)));

        // The form (filtered style, dependent services) and the assign form (dependent agents) need the patch; every other
        // card is valid against the unpatched file.
        string[] patched = ["form-", "ticket-new-assign-open", "ticket-new-desk", "ticket-pending-resume"];
        foreach (var name in GoldenCases.Names.Where(n => !patched.Any(p => n.StartsWith(p, StringComparison.Ordinal))))
        {
            Assert.Empty(AdaptiveCardSchema.Validate(CardSerializer.ToJson(GoldenCases.Build(name)), pristine: true));
        }
    }
}
