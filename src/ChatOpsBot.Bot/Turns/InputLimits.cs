using System.Globalization;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Localization;

namespace ChatOpsBot.Bot.Turns;

/// <summary>
/// The longest text each card input may carry, enforced on the server (the cards announce the same maxLength, but a
/// client, or anyone posting to the endpoint, can send more). Over the limit, nothing is read, written or stored: the
/// clicker is told which field and what limit, and the card keeps what they typed.
/// </summary>
public static class InputLimits
{
    /// <summary>Any other value of an action's data (ids, choices, toggles, the verb and stamp): far above what a card puts there.</summary>
    public const int OtherValueMaxLength = 256;

    private static readonly Dictionary<string, (int MaxLength, string LabelKey)> Texts = new(StringComparer.Ordinal)
    {
        [CardInputIds.Title] = (CardLimits.TitleMaxLength, "Form_TicketTitle"),
        [CardInputIds.Description] = (CardLimits.TextMaxLength, "Form_Description"),
        [CardInputIds.UserWords] = (CardLimits.TextMaxLength, "Form_UserWords"),
        [CardInputIds.SchoolReference] = (CardLimits.SchoolReferenceMaxLength, "Form_SchoolReference"),
        [CardInputIds.PendingReason] = (CardLimits.TextMaxLength, "Pending_Reason"),
        [CardInputIds.ReassignNote] = (CardLimits.TextMaxLength, "Reassign_Note"),
        [CardInputIds.ResolveSolution] = (CardLimits.TextMaxLength, "Resolve_Solution"),
        [CardInputIds.CommentText] = (CardLimits.TextMaxLength, "Comment_Text"),
        [CardInputIds.ApproveComment] = (CardLimits.TextMaxLength, "Approval_ApproveComment"),
        [CardInputIds.RejectComment] = (CardLimits.TextMaxLength, "Approval_RejectComment"),
        [CardInputIds.HandOffComment] = (CardLimits.TextMaxLength, "Approval_HandOffComment"),
    };

    /// <summary>The limit of an input (the text inputs' own, <see cref="OtherValueMaxLength"/> for the rest).</summary>
    public static int MaxLengthOf(string inputId) =>
        Texts.TryGetValue(inputId, out var limit) ? limit.MaxLength : OtherValueMaxLength;

    /// <summary>Null when every value fits; otherwise the localized message naming the first field over its limit.</summary>
    public static string? Refusal(CardActionInput input, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var (inputId, text) in input.Texts())
        {
            var max = MaxLengthOf(inputId);
            if (text.Length > max)
            {
                // The field as the card labels it (without its "required" star); a key no card has is not echoed.
                var label = Texts.TryGetValue(inputId, out var known)
                    ? CardText.Get(known.LabelKey, culture).TrimEnd(' ', '*')
                    : BotText.Get("Error_InputTooLongUnknownField", culture);
                return BotText.Format("Error_InputTooLong", culture, label, max, text.Length);
            }
        }

        return null;
    }
}
