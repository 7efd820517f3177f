using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Layouts.CardParts;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>The list of commands (answer to <c>aide</c> and to anything not understood).</summary>
public static class HelpCard
{
    public static AdaptiveCard Build(HelpCardModel model, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = CardCulture.Resolve(culture);
        var body = new List<CardElement> { Heading(CardText.Get("Help_Title", c)) };
        if (!string.IsNullOrWhiteSpace(model.UnrecognizedInput))
        {
            var echoed = CardFormat.Truncate(model.UnrecognizedInput.Trim(), CardLimits.EchoedInputLength);
            body.Add(Plain(CardText.Format("Help_NotUnderstood", c, echoed)));
        }

        body.Add(Paragraph(CardText.Get("Help_Intro", c)));
        body.Add(Commands(c));
        body.Add(Subtle(CardText.Get("Help_Mention", c)));
        return Card(body);
    }

    internal static FactSet Commands(CultureInfo c) => new()
    {
        Facts =
        [
            new(CardText.Get("Help_CmdOpen", c), CardText.Get("Help_CmdOpenText", c)),
            new(CardText.Get("Help_CmdShow", c), CardText.Get("Help_CmdShowText", c)),
            new(CardText.Get("Help_CmdMine", c), CardText.Get("Help_CmdMineText", c)),
            new(CardText.Get("Help_CmdTeam", c), CardText.Get("Help_CmdTeamText", c)),
            new(CardText.Get("Help_CmdDigest", c), CardText.Get("Help_CmdDigestText", c)),
            new(CardText.Get("Help_CmdNotices", c), CardText.Get("Help_CmdNoticesText", c)),
            new(CardText.Get("Help_CmdHelp", c), CardText.Get("Help_CmdHelpText", c)),
        ],
    };
}
