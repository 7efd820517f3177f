using System.Globalization;
using System.Text.Json;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Protocol.Proactive;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.State;

namespace ChatOpsBot.Bot.Chats;

/// <summary>
/// The conversation references the bot may use proactively, in <see cref="IStateStore"/>: by conversation id
/// (<c>convref:{id}</c>), for personal chats by Teams user id, Entra object id and iTop Person id, and the channels
/// and group chats listed apart (<c>convref-shared:{id}</c>: their rosters are where the bot finds people).
/// Filled from every incoming activity (<see cref="CaptureAsync"/>); dropped on uninstall and on a Connector 403.
/// </summary>
public sealed class ConversationReferenceStore(IStateStore store)
{
    private const string ByConversation = "convref:";
    private const string ByUser = "convref-user:";
    private const string ByAad = "convref-aad:";
    private const string ByPerson = "convref-person:";
    private const string Shared = "convref-shared:";

    /// <summary>
    /// Records (or refreshes the serviceUrl of) the activity's conversation; forgets it when the activity says the bot
    /// was uninstalled or removed. Writes only when something changed.
    /// </summary>
    public async Task CaptureAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.Id is not { Length: > 0 } rawId || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return;
        }

        var conversationId = TeamsConversation.BaseConversationId(rawId);
        if (TeamsConversation.RemovesBot(activity))
        {
            await RemoveAsync(conversationId, cancellationToken).ConfigureAwait(false);
            return;
        }

        await UpdateAsync(conversationId, existing => TeamsConversation.ReferenceOf(activity, existing) is { } captured
            ? new LinkedReference(captured, existing?.PersonId)
            : null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Links a personal chat to the iTop Person of its user (called once the user is identified).</summary>
    public async Task LinkPersonAsync(Activity activity, int personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.Id is { Length: > 0 } rawId)
        {
            await LinkPersonAsync(TeamsConversation.BaseConversationId(rawId), personId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Links a known personal chat to an iTop Person; returns the chat (null when it is not a known personal chat).</summary>
    public async Task<LinkedReference?> LinkPersonAsync(string conversationId, int personId, CancellationToken cancellationToken) =>
        await UpdateAsync(TeamsConversation.BaseConversationId(conversationId), existing => existing is { Scope: ConversationReference.Personal }
            ? existing with { PersonId = personId }
            : null, cancellationToken).ConfigureAwait(false);

    public async Task SaveAsync(LinkedReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await store.PutAsync(ByConversation + reference.ConversationId, Serialize(reference), StateETag.Any, cancellationToken: cancellationToken).ConfigureAwait(false);
        await SaveIndexesAsync(reference, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LinkedReference?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var entry = await store.GetAsync(ByConversation + TeamsConversation.BaseConversationId(conversationId), cancellationToken).ConfigureAwait(false);
        return entry is null ? null : Deserialize(entry.Value);
    }

    /// <summary>The personal chat with a Teams user (29:… id).</summary>
    public Task<LinkedReference?> GetPersonalByUserIdAsync(string teamsUserId, CancellationToken cancellationToken) =>
        ResolveAsync(ByUser + teamsUserId, cancellationToken);

    /// <summary>The personal chat with a user by Entra object id.</summary>
    public Task<LinkedReference?> GetPersonalByAadObjectIdAsync(string aadObjectId, CancellationToken cancellationToken) =>
        ResolveAsync(ByAad + aadObjectId, cancellationToken);

    /// <summary>The personal chat with the Teams user mapped to an iTop Person (known once they wrote to the bot).</summary>
    public Task<LinkedReference?> GetPersonalByPersonIdAsync(int personId, CancellationToken cancellationToken) =>
        ResolveAsync(ByPerson + personId.ToString(CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>The channels and group chats the bot is in (where it may look people up), ordered by conversation id.</summary>
    public async Task<IReadOnlyList<LinkedReference>> ListSharedAsync(CancellationToken cancellationToken)
    {
        var shared = new List<LinkedReference>();
        foreach (var entry in await store.ListAsync(Shared, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (await GetAsync(entry.Value, cancellationToken).ConfigureAwait(false) is { } reference)
            {
                shared.Add(reference);
            }
        }

        return shared;
    }

    /// <summary>Forgets a conversation (uninstalled, or the Connector answered 403) and its indexes.</summary>
    public async Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        var id = TeamsConversation.BaseConversationId(conversationId);
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            foreach (var index in IndexKeys(existing))
            {
                var entry = await store.GetAsync(index, cancellationToken).ConfigureAwait(false);
                if (entry is not null && entry.Value == id)
                {
                    await store.DeleteAsync(index, entry.ETag, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await store.DeleteAsync(ByConversation + id, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Read-modify-write of one conversation's reference, by compare-and-swap: Teams sends several activities of a
    /// conversation at once (installationUpdate and conversationUpdate on install, processed together), and one must
    /// not erase what the other wrote (its locale, the link to the person). <paramref name="change"/> gets the stored
    /// reference and returns the new one, or null to leave it; it runs again on what was stored meanwhile if need be.
    /// </summary>
    private async Task<LinkedReference?> UpdateAsync(string conversationId, Func<LinkedReference?, LinkedReference?> change, CancellationToken cancellationToken)
    {
        var update = await store.UpdateAsync(
            ByConversation + conversationId,
            value => change(value is null ? null : Deserialize(value)) is { } changed ? Serialize(changed) : null,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (update is null || Deserialize(update.Entry.Value) is not { } reference)
        {
            return null;
        }

        if (update.Written)
        {
            await SaveIndexesAsync(reference, cancellationToken).ConfigureAwait(false);
        }

        return reference;
    }

    private async Task SaveIndexesAsync(LinkedReference reference, CancellationToken cancellationToken)
    {
        foreach (var index in IndexKeys(reference))
        {
            await store.PutAsync(index, reference.ConversationId, StateETag.Any, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Serialize(LinkedReference reference) =>
        JsonSerializer.Serialize(reference, ChatsJsonContext.Default.LinkedReference);

    private static LinkedReference? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ChatsJsonContext.Default.LinkedReference);

    private async Task<LinkedReference?> ResolveAsync(string indexKey, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(indexKey, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : await GetAsync(entry.Value, cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<string> IndexKeys(LinkedReference reference)
    {
        if (reference.Scope != ConversationReference.Personal)
        {
            yield return Shared + reference.ConversationId;
            yield break;
        }

        if (!string.IsNullOrEmpty(reference.UserId))
        {
            yield return ByUser + reference.UserId;
        }

        if (!string.IsNullOrEmpty(reference.UserAadObjectId))
        {
            yield return ByAad + reference.UserAadObjectId;
        }

        if (reference.PersonId is { } personId)
        {
            yield return ByPerson + personId.ToString(CultureInfo.InvariantCulture);
        }
    }
}
