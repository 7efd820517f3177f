using System.Globalization;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Proactive;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.State;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Chats;

/// <summary>
/// The personal chat with an iTop Person, for proactive messages. Known when the person wrote to the bot; otherwise
/// opened the way Teams lets a bot reach any member of a team it is installed in: the person is looked up by Teams
/// address (their <c>Identity:People</c> pin, then their iTop email) in the rosters of the bot's channels and group
/// chats, and a 1:1 chat is created with the member found, kept as a personal reference linked to the person.
/// A person found nowhere is remembered for <see cref="IdentityOptions.PersonalChatMissDuration"/>; a Connector or
/// iTop failure is not (the next call looks again).
/// </summary>
public sealed class PersonalChatFinder(
    ConversationReferenceStore references,
    IStateStore store,
    ITicketDesk desk,
    IProactiveSender sender,
    IOptions<IdentityOptions> options,
    ILogger<PersonalChatFinder> logger)
{
    private const string MissPrefix = "convref-miss:";

    /// <summary>The person's personal chat, opened if need be; null when Teams offers none (now).</summary>
    public async Task<LinkedReference?> FindAsync(int personId, CancellationToken cancellationToken)
    {
        if (await references.GetPersonalByPersonIdAsync(personId, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return known;
        }

        var missKey = MissPrefix + personId.ToString(CultureInfo.InvariantCulture);
        if (await store.GetAsync(missKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        // The channels of one team share its roster: one lookup per team.
        var rosters = (await references.ListSharedAsync(cancellationToken).ConfigureAwait(false))
            .DistinctBy(r => r.TeamId ?? r.ConversationId, StringComparer.Ordinal)
            .ToList();
        var (addresses, failed) = rosters.Count == 0 ? ([], false) : await AddressesOfAsync(personId, cancellationToken).ConfigureAwait(false);
        var attempt = await SearchAsync(rosters, addresses, personId, cancellationToken).ConfigureAwait(false);
        if (attempt.Chat is { } chat)
        {
            return chat;
        }

        if (failed || attempt.Failed)
        {
            return null;
        }

        // With no team to look in yet, nothing is remembered: the bot installed in a team a minute later finds the person.
        var duration = rosters.Count == 0 ? TimeSpan.Zero : options.Value.PersonalChatMissDuration;
        if (duration > TimeSpan.Zero)
        {
            await store.PutAsync(missKey, "unreachable", StateETag.Any, duration, cancellationToken).ConfigureAwait(false);
        }

        Log.PersonalChatNotFound(logger, personId, rosters.Count, addresses.Count, duration);
        return null;
    }

    /// <summary>Each roster, each address, until Teams knows the member; then their chat is opened (the same Teams user wherever found).</summary>
    private async Task<Attempt> SearchAsync(List<LinkedReference> rosters, List<string> addresses, int personId, CancellationToken cancellationToken)
    {
        var failed = false;
        foreach (var roster in rosters)
        {
            foreach (var address in addresses)
            {
                var attempt = await LookUpAsync(roster, address, personId, cancellationToken).ConfigureAwait(false);
                if (attempt.Member?.Id is { Length: > 0 })
                {
                    return await OpenAsync(roster, attempt.Member, personId, cancellationToken).ConfigureAwait(false);
                }

                failed |= attempt.Failed;
            }
        }

        return new Attempt(null, null, failed);
    }

    /// <summary>The Teams addresses to try: the pinned ones (Teams e-mail/UPN differs from iTop's), then the iTop email.</summary>
    private async Task<(List<string> Addresses, bool Failed)> AddressesOfAsync(int personId, CancellationToken cancellationToken)
    {
        var addresses = options.Value.People
            .Where(p => p.Value == personId && !string.IsNullOrWhiteSpace(p.Key))
            .Select(p => p.Key.Trim())
            .ToList();
        try
        {
            if (await desk.GetPersonAsync(personId, cancellationToken).ConfigureAwait(false) is { Email: { } email } && !string.IsNullOrWhiteSpace(email)
                && !addresses.Contains(email.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                addresses.Add(email.Trim());
            }

            return (addresses, false);
        }
        catch (Exception ex) when (DeskFailures.IsDeskFailure(ex, cancellationToken))
        {
            DeskFailures.Log(logger, "personal chat lookup", ex, cancellationToken);
            return (addresses, true);
        }
    }

    private async Task<Attempt> LookUpAsync(LinkedReference roster, string address, int personId, CancellationToken cancellationToken)
    {
        var (member, outcome) = await CallAsync(roster, personId, () => sender.GetMemberAsync(roster, address, cancellationToken)).ConfigureAwait(false);
        // An answer without a member is not Teams saying "not there": not remembered.
        return new Attempt(member, null, Failed: outcome == CallOutcome.Failed || (outcome == CallOutcome.Answered && member?.Id is not { Length: > 0 }));
    }

    private async Task<Attempt> OpenAsync(LinkedReference roster, TeamsChannelAccount member, int personId, CancellationToken cancellationToken)
    {
        var userId = member.Id!;
        if (await references.GetPersonalByUserIdAsync(userId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            // They wrote to the bot without being identified: the chat is there, only the link to the person was missing.
            var linked = await references.LinkPersonAsync(existing.ConversationId, personId, cancellationToken).ConfigureAwait(false);
            return new Attempt(member, linked ?? existing with { PersonId = personId }, Failed: false);
        }

        var (opened, outcome) = await CallAsync(roster, personId, () => sender.OpenPersonalAsync(roster, member, cancellationToken)).ConfigureAwait(false);
        if (opened is null)
        {
            return new Attempt(member, null, Failed: outcome != CallOutcome.NotThere);
        }

        var chat = new LinkedReference(opened, personId);
        await references.SaveAsync(chat, cancellationToken).ConfigureAwait(false);
        Log.PersonalChatOpened(logger, personId, roster.ConversationId);
        return new Attempt(member, chat, Failed: false);
    }

    /// <summary>
    /// One Connector call on the roster's serviceUrl. 404 (<c>MemberNotFoundInConversation</c>: not in this team) and 403
    /// (the bot is no longer in it) mean "not there"; any other failure is logged and reported, never taken for a miss.
    /// </summary>
    private async Task<(T? Value, CallOutcome Outcome)> CallAsync<T>(LinkedReference roster, int personId, Func<Task<T?>> call)
        where T : class
    {
        try
        {
            return (await call().ConfigureAwait(false), CallOutcome.Answered);
        }
        catch (ConnectorException ex) when (TeamsConversation.IsNotMember(ex))
        {
            return (null, CallOutcome.NotThere);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or ServiceUrlNotAllowedException)
        {
            Log.PersonalChatLookupFailed(logger, personId, roster.ConversationId, ex);
            return (null, CallOutcome.Failed);
        }
    }

    private enum CallOutcome
    {
        Answered,
        NotThere,
        Failed,
    }

    private readonly record struct Attempt(TeamsChannelAccount? Member, LinkedReference? Chat, bool Failed);
}
