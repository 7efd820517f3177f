using System.Xml.Linq;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Tests.Infrastructure;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Cards.Tests.Localization;

public class ResourceTests
{
    private static readonly string Folder =
        Path.Combine(TestData.RepositoryRoot, "src", "ChatOpsBot.Cards", "Localization");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void No_key_is_missing_in_English_and_none_is_extra()
    {
        var french = Read("CardStrings.resx");
        var english = Read("CardStrings.en.resx");
        Assert.Empty(french.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(french.Keys));
        Assert.All(french.Concat(english), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void English_resources_are_really_used_for_en_cultures()
    {
        Assert.Equal("Nouveau ticket", CardText.Get("Form_Title", CardCulture.French));
        Assert.Equal("New ticket", CardText.Get("Form_Title", CardCulture.English));
        Assert.Equal("New ticket", CardText.Get("Form_Title", new System.Globalization.CultureInfo("en-GB")));
        Assert.Equal("Nouveau ticket", CardText.Get("Form_Title", new System.Globalization.CultureInfo("de-DE")));
    }

    [Fact]
    public void Every_enum_driven_key_exists_in_both_languages()
    {
        var keys = Enum.GetNames<CardTicketStatus>().Select(n => "Status_" + n)
            .Concat(Enum.GetNames<TicketAction>().Select(n => "Action_" + n))
            .Concat(Enum.GetNames<CardNotice>().Select(n => "Notice_" + n))
            .Concat(new[] { "Assign", "Pending", "Reassign", "Resolve", "Comment", "Approve", "Reject" }.Select(n => "Submit_" + n));
        foreach (var key in keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(CardText.Get(key, CardCulture.French)), key);
            Assert.False(string.IsNullOrWhiteSpace(CardText.Get(key, CardCulture.English)), key);
        }

        Assert.All(Enum.GetValues<CardNotice>(), n => Assert.NotEqual(CardText.Notice(n, CardCulture.French), CardText.Notice(n, CardCulture.English)));
    }

    [Fact]
    public void Unknown_key_throws()
    {
        Assert.Throws<KeyNotFoundException>(() => CardText.Get("No_Such_Key", CardCulture.French));
    }

    [Fact]
    public void French_and_English_cards_show_different_labels()
    {
        // Labels (not sample data) differ between the two cultures for every layout.
        foreach (var name in GoldenCases.Names.Where(n => n.EndsWith(".fr", StringComparison.Ordinal)))
        {
            var french = CardJson.Texts(GoldenCases.Build(name)).ToHashSet();
            var english = CardJson.Texts(GoldenCases.Build(name[..^3] + ".en")).ToHashSet();
            Assert.False(french.SetEquals(english), name);
        }
    }
}
