using System.Globalization;
using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Bot.Viewing;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.People;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Dialogs;

/// <summary>
/// The new-ticket dialog: form → (cascade refreshes) → creation in one iTop write → ticket card in place of the form.
/// Every step is stored in the draft, so a restart or an iTop outage loses nothing.
/// </summary>
public sealed class OpenTicketDialog(
    ITicketDesk desk,
    DeskDirectory directory,
    DraftStore drafts,
    TicketCreator creator,
    TicketPresenter presenter,
    TypingIndicator typing,
    Approvals.ApprovalStarter approvals,
    Recovery.WorkOwnership ownership,
    DeskFailureReplies failures,
    DuplicateCheck duplicates,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<Rendering.FormsOptions> forms,
    ILogger<OpenTicketDialog> logger) : ICardActionHandler
{
    public async Task StartAsync(TurnContext turn, BotUser user, string freeText, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(user);
        var activity = turn.Activity;
        var orgId = user.Roles.SupportOrgIds.Count > 0 ? user.Roles.SupportOrgIds[0] : user.Person.OrgId;
        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var coveredServices = catalog.ServicesFor(orgId).ToList();
        var covered = coveredServices.Select(s => s.BriqueId).ToHashSet();
        // Words of a sub-service pick brique, service and sub-service at once; otherwise the brique alone is guessed.
        var named = BriqueGuesser.GuessSubService(freeText, catalog, coveredServices);
        var namedService = named is null ? null : catalog.FindService(named.ServiceId);
        var guess = namedService is not null
            ? catalog.Briques.FirstOrDefault(b => b.Id == namedService.BriqueId)
            : BriqueGuesser.Guess(freeText, catalog, catalog.Briques.Where(b => covered.Contains(b.Id)));
        var draft = new TicketDraftState
        {
            Id = DraftStore.NewId(),
            ConversationId = activity.Conversation?.Id ?? string.Empty,
            ServiceUrl = activity.ServiceUrl ?? string.Empty,
            TeamsUserId = user.TeamsUserId,
            AuthorPersonId = user.Person.Id,
            Locale = activity.Locale,
            OrgId = orgId,
            GroupWide = user.Roles.IsGroupOpener,
            Brique = guess?.Id.ToString(CultureInfo.InvariantCulture),
            Service = namedService?.Id.ToString(CultureInfo.InvariantCulture),
            SubService = named?.Id.ToString(CultureInfo.InvariantCulture),
            Title = string.IsNullOrWhiteSpace(freeText) ? null : freeText.Trim(),
            TicketType = "service_request",
            Urgency = "4",
            CreatedAt = time.GetUtcNow(),
        };
        var stored = await drafts.CreateAsync(draft, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A new draft id collided.");
        var card = await FormAsync(turn, draft, null, null, culture, cancellationToken).ConfigureAwait(false);
        var sent = await turn.SendAsync(CardMessage.Of(card), cancellationToken).ConfigureAwait(false);
        if (sent?.Id is { Length: > 0 } messageId)
        {
            await drafts.ReplaceAsync(draft with { FormActivityId = messageId }, stored.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardActionInput input, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        if (input.Data.DraftId is not { Length: > 0 } draftId
            || await drafts.GetAsync(draftId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return CardActionResult.Text(BotText.Get("Error_DraftGone", culture));
        }

        if (!string.Equals(stored.Draft.TeamsUserId, user.TeamsUserId, StringComparison.Ordinal))
        {
            return CardActionResult.Text(BotText.Get("Error_NotYourDraft", culture));
        }

        var draft = stored.Draft;
        // One language per person: the form keeps the language it was opened in, whatever client the later click comes from.
        culture = draft.Locale is { Length: > 0 } locale ? BotCulture.FromLocale(locale) : culture;
        switch (input.Verb)
        {
            case CardVerbs.RefreshForm when draft.Status == DraftStatus.Open:
            {
                var updated = await FollowCallerAsync(DraftInputs.Apply(draft, input), cancellationToken).ConfigureAwait(false);
                await drafts.ReplaceAsync(updated, stored.ETag, cancellationToken).ConfigureAwait(false);
                return CardActionResult.Show(await FormAsync(turn, updated, null, null, culture, cancellationToken).ConfigureAwait(false));
            }

            case CardVerbs.CancelForm when draft.Status == DraftStatus.Open:
                await drafts.ReplaceAsync(draft with { Status = DraftStatus.Cancelled }, stored.ETag, cancellationToken).ConfigureAwait(false);
                return CardActionResult.Show(NoticeCard.Build(new NoticeCardModel(BotText.Get("Draft_Cancelled", culture)), culture));

            case CardVerbs.OpenTicket when draft.Status == DraftStatus.Open:
                return await SubmitAsync(turn, stored, await FollowCallerAsync(DraftInputs.Apply(draft, input), cancellationToken).ConfigureAwait(false), user, culture, cancellationToken, checkDuplicates: true).ConfigureAwait(false);

            // The duplicate hint: create the draft as it was saved, or show its form again.
            case CardVerbs.CreateAnyway when draft.Status == DraftStatus.Open:
                return await SubmitAsync(turn, stored, draft, user, culture, cancellationToken).ConfigureAwait(false);
            case CardVerbs.BackToForm when draft.Status == DraftStatus.Open:
                return CardActionResult.Show(await FormAsync(turn, draft, null, null, culture, cancellationToken).ConfigureAwait(false));

            // "Créer" clicked again on a form whose creation failed or was interrupted counts as Retry.
            case CardVerbs.RetryCreate when draft.Status == DraftStatus.Failed:
                return await SubmitAsync(turn, stored, draft, user, culture, cancellationToken).ConfigureAwait(false);
            case CardVerbs.OpenTicket when draft.Status == DraftStatus.Failed:
                return await SubmitAsync(turn, stored, await FollowCallerAsync(DraftInputs.Apply(draft, input), cancellationToken).ConfigureAwait(false), user, culture, cancellationToken).ConfigureAwait(false);

            // The creation was interrupted (its instance died): finished now; the ticket it may have made is found by its marker.
            case CardVerbs.OpenTicket or CardVerbs.RetryCreate when await creator.IsAbandonedAsync(draft, cancellationToken).ConfigureAwait(false):
                return await SubmitAsync(turn, stored, draft, user, culture, cancellationToken).ConfigureAwait(false);

            case CardVerbs.OpenTicket or CardVerbs.RetryCreate when await creator.UnfinishedApprovalAsync(draft, cancellationToken).ConfigureAwait(false) is not null:
                return await creator.ContinueApprovalAsync(draft, user, culture, cancellationToken).ConfigureAwait(false);

            default:
                return await CurrentStateAsync(turn, draft, user, culture, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CardActionResult> SubmitAsync(
        TurnContext turn,
        StoredDraft stored,
        TicketDraftState draft,
        BotUser user,
        CultureInfo culture,
        CancellationToken cancellationToken,
        bool checkDuplicates = false)
    {
        ServiceCatalog catalog;
        IReadOnlyList<Person> people;
        try
        {
            catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
            people = await PeopleAsync(turn, draft, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            // Keep what was typed; the Retry validates and creates once iTop is back (or accepts the bot's account again).
            DeskFailures.Log(logger, "form validation", ex, cancellationToken);
            var failed = draft with { Status = DraftStatus.Failed, Failure = kind, Work = null };
            await drafts.ReplaceAsync(failed, stored.ETag, CancellationToken.None).ConfigureAwait(false);
            return CardActionResult.Show(TicketCreator.RetryCard(failed, failures, culture));
        }

        var errors = DraftValidator.Validate(draft, catalog, people, culture);
        if (errors.Count > 0)
        {
            var saved = await drafts.ReplaceAsync(draft with { Status = DraftStatus.Open }, stored.ETag, cancellationToken).ConfigureAwait(false);
            var formError = saved is null ? BotText.Get("Error_DraftChanged", culture) : BotText.Get("Error_FormInvalid", culture);
            return CardActionResult.Show(FormModel(draft, catalog, people, errors, formError, culture));
        }

        if (checkDuplicates && await duplicates.FindAsync(draft, cancellationToken).ConfigureAwait(false) is { Count: > 0 } lookalikes)
        {
            // What was typed is saved first: "Créer quand même" creates exactly this, "Revenir au formulaire" shows it again.
            if (await drafts.ReplaceAsync(draft with { Status = DraftStatus.Open }, stored.ETag, cancellationToken).ConfigureAwait(false) is null)
            {
                return CardActionResult.Show(FormModel(draft, catalog, people, errors, BotText.Get("Error_DraftChanged", culture), culture));
            }

            return CardActionResult.Show(DuplicateHintCard.Build(new DuplicateHintModel(draft.Id, lookalikes.Select(TicketRows.Of).ToList()), culture));
        }

        var service = FormModelFactory.Parse(draft.Service) is { } serviceId ? catalog.FindService(serviceId) : null;
        var approvalRequired = approvals.IsRequired(draft.NeedsApproval, DeskDirectory.BriqueOf(catalog, service?.Id), service?.Name);
        return await creator.CreateAsync(turn, stored, draft, user, approvalRequired, culture, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the draft shows once it left the "open" state (a click on an old form or a second Retry).</summary>
    private async Task<CardActionResult> CurrentStateAsync(TurnContext turn, TicketDraftState draft, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        switch (draft.Status)
        {
            case DraftStatus.Created when await creator.UnfinishedApprovalAsync(draft, cancellationToken).ConfigureAwait(false) is { } round:
                return creator.StandingResult(draft, new Approvals.ApprovalProgress(round, null, Busy: !await ownership.IsFreeAsync(round.Work, dueOnly: false, cancellationToken).ConfigureAwait(false)), culture);

            case DraftStatus.Created when draft.TicketId is { } ticketId:
                return await presenter.ShowAsync(turn, TicketKey.FromId(ticketId), user, culture, cancellationToken).ConfigureAwait(false);
            case DraftStatus.Failed:
                return CardActionResult.Show(TicketCreator.RetryCard(draft, failures, culture));
            case DraftStatus.Submitting:
                return CardActionResult.Show(TicketCreator.InProgressCard(draft, culture));
            case DraftStatus.Cancelled:
                return CardActionResult.Show(NoticeCard.Build(new NoticeCardModel(BotText.Get("Draft_Cancelled", culture)), culture));
            default:
                return CardActionResult.Show(await FormAsync(turn, draft, null, null, culture, cancellationToken).ConfigureAwait(false));
        }
    }

    private async Task<AdaptiveCard> FormAsync(
        TurnContext turn,
        TicketDraftState draft,
        IReadOnlyDictionary<string, string>? errors,
        string? formError,
        CultureInfo culture,
        CancellationToken cancellationToken)
    {
        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Person> people;
        try
        {
            people = await PeopleAsync(turn, draft, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            DeskFailures.Log(logger, "form", ex, cancellationToken);
            (people, formError) = ([], failures.Text(kind, culture));
        }

        return FormModel(draft, catalog, people, errors, formError, culture);
    }

    private AdaptiveCard FormModel(
        TicketDraftState draft,
        ServiceCatalog catalog,
        IReadOnlyList<Person> people,
        IReadOnlyDictionary<string, string>? errors,
        string? formError,
        CultureInfo culture) =>
        NewTicketForm.Build(FormModelFactory.Build(draft, catalog, people, errors, formError, forms.Value.DependentChoices), culture);

    /// <summary>The people the ticket may be for: the school's, or for a group-wide draft those of every organization of the group.</summary>
    private async Task<IReadOnlyList<Person>> PeopleAsync(TurnContext turn, TicketDraftState draft, CancellationToken cancellationToken)
    {
        if (!draft.GroupWide)
        {
            return await typing.WhileAsync(turn, ct => desk.SearchPersonsAsync(draft.OrgId, string.Empty, ct), cancellationToken).ConfigureAwait(false);
        }

        // The group: the organizations under a parent (the schools) and their parents (Groupe INSA), not iTop's own "My Company".
        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var parents = catalog.Organizations.Where(o => o.ParentId is not null).Select(o => o.ParentId!.Value).ToHashSet();
        var group = catalog.Organizations.Where(o => o.ParentId is not null || parents.Contains(o.Id)).Select(o => o.Id).ToHashSet();
        var everyone = await typing.WhileAsync(turn, ct => desk.SearchPersonsAsync(null, string.Empty, ct), cancellationToken).ConfigureAwait(false);
        return everyone.Where(p => group.Contains(p.OrgId)).ToList();
    }

    /// <summary>A group-wide draft is for the school of the person chosen (iTop wants the caller in the ticket's organization).</summary>
    private async Task<TicketDraftState> FollowCallerAsync(TicketDraftState draft, CancellationToken cancellationToken)
    {
        if (!draft.GroupWide || FormModelFactory.Parse(draft.OnBehalfOf) is not { } callerId)
        {
            return draft;
        }

        try
        {
            return await desk.GetPersonAsync(callerId, cancellationToken).ConfigureAwait(false) is { OrgId: > 0 } caller ? draft with { OrgId = caller.OrgId } : draft;
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is not null)
        {
            // The school stays as it was; the validation (or the Retry) reads iTop again.
            DeskFailures.Log(logger, "form caller", ex, cancellationToken);
            return draft;
        }
    }
}
