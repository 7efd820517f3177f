using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Layouts.CardParts;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>The greeting posted when the bot is installed.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(WelcomeCardModel model, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = CardCulture.Resolve(culture);
        var greeting = string.IsNullOrWhiteSpace(model.UserName)
            ? CardText.Get("Welcome_Hello", c)
            : CardText.Format("Welcome_HelloName", c, model.UserName.Trim());
        return Card(
        [
            Heading(greeting),
            Paragraph(CardText.Get("Welcome_Intro", c)),
            HelpCard.Commands(c),
            Paragraph(CardText.Get("Welcome_SubscribeSchool", c)),
            Subtle(CardText.Get("Welcome_Footer", c)),
        ]);
    }
}
