using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;

namespace ChatOpsBot.Bot.Dialogs;

/// <summary>Copies what the user typed in the form into the draft (every input, so nothing typed is lost).</summary>
public static class DraftInputs
{
    public static TicketDraftState Apply(TicketDraftState draft, CardActionInput input)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(input);
        var brique = input.Get(CardInputIds.Brique);
        var service = input.Get(CardInputIds.Service);
        var briqueChanged = !string.Equals(brique, draft.Brique, StringComparison.Ordinal);
        var serviceChanged = briqueChanged || !string.Equals(service, draft.Service, StringComparison.Ordinal);
        return draft with
        {
            Brique = brique,
            Service = briqueChanged && draft.Brique is not null ? null : service,
            SubService = serviceChanged && draft.Service is not null ? null : input.Get(CardInputIds.SubService),
            Title = input.Get(CardInputIds.Title),
            Description = input.Get(CardInputIds.Description),
            OnBehalfOf = input.Get(CardInputIds.OnBehalfOf),
            SchoolReference = input.Get(CardInputIds.SchoolReference),
            UserWords = input.Get(CardInputIds.UserWords),
            TicketType = input.Get(CardInputIds.TicketType) ?? draft.TicketType,
            Urgency = input.Get(CardInputIds.Urgency) ?? draft.Urgency,
            NeedsApproval = input.GetBool(CardInputIds.NeedsApproval),
        };
    }
}
