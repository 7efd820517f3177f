using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.People;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Identity;

/// <summary>
/// Teams user → email/UPN (Connector member API) → iTop Person (configured map, then <c>Person.email</c>) → roles.
/// Cached per Teams user for <see cref="IdentityOptions.CacheDuration"/>.
/// </summary>
public sealed class IdentityResolver(
    ITicketDesk desk,
    DeskDirectory directory,
    IMemoryCache cache,
    IOptions<IdentityOptions> identityOptions,
    IOptions<RolesOptions> rolesOptions,
    ILogger<IdentityResolver> logger)
{
    /// <summary>The user, or an <see cref="IdentityResult"/> saying why they are unknown.</summary>
    public async Task<IdentityResult> ResolveAsync(Activity activity, IConnectorClient connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(connector);
        var teamsUserId = activity.From?.Id;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(teamsUserId) || string.IsNullOrEmpty(conversationId))
        {
            return IdentityResult.Unknown(null);
        }

        var cacheKey = "identity:" + teamsUserId;
        if (cache.TryGetValue(cacheKey, out BotUser? cached) && cached is not null)
        {
            return IdentityResult.Known(cached);
        }

        TeamsChannelAccount? member;
        try
        {
            member = await connector.GetConversationMemberAsync(conversationId, teamsUserId, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.StatusCode is 403 or 404)
        {
            // Not a member Teams will describe (e.g. a guest or an anonymous user): nobody to map.
            Log.MemberLookupFailed(logger, ex.StatusCode);
            return IdentityResult.Unknown(null);
        }

        var emails = new[] { member?.Email, member?.UserPrincipalName }
            .Where(e => !string.IsNullOrWhiteSpace(e))
            .Select(e => e!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (emails.Count == 0)
        {
            Log.MemberWithoutEmail(logger);
            return IdentityResult.Unknown(null);
        }

        var person = await FindPersonAsync(emails, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            Log.UnknownPerson(logger);
            return IdentityResult.Unknown(emails[0]);
        }

        var teams = await directory.GetTeamsAsync(cancellationToken).ConfigureAwait(false);
        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var roles = RoleResolver.Resolve(person, emails, teams, catalog.Organizations, rolesOptions.Value);
        Log.UserIdentified(logger, person.Id, roles.Teams.Count, roles.SupportOrgIds.Count, roles.Briques.Count, roles.IsGroupDesk);
        var user = new BotUser(teamsUserId, emails[0], person, roles);
        cache.Set(cacheKey, user, identityOptions.Value.CacheDuration);
        return IdentityResult.Known(user);
    }

    private async Task<Person?> FindPersonAsync(IReadOnlyList<string> emails, CancellationToken cancellationToken)
    {
        foreach (var email in emails)
        {
            if (identityOptions.Value.People.TryGetValue(email, out var personId))
            {
                var everyone = await desk.SearchPersonsAsync(null, string.Empty, cancellationToken).ConfigureAwait(false);
                if (everyone.FirstOrDefault(p => p.Id == personId) is { } mapped)
                {
                    return mapped;
                }
            }
        }

        foreach (var email in emails)
        {
            if (await desk.FindPersonByEmailAsync(email, cancellationToken).ConfigureAwait(false) is { } person)
            {
                return person;
            }
        }

        return null;
    }
}
