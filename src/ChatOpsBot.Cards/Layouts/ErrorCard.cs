using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>A plain error message (attention style), optionally with a Retry button.</summary>
public static class ErrorCard
{
    public static AdaptiveCard Build(NoticeCardModel model, CultureInfo? culture = null) =>
        NoticeCard.Render(model, CardCulture.Resolve(culture), ContainerStyle.Attention, "Error_DefaultTitle");
}
