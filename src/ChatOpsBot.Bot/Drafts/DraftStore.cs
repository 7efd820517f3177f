using System.Text.Json;
using ChatOpsBot.State;

namespace ChatOpsBot.Bot.Drafts;

/// <summary>New-ticket drafts in <see cref="IStateStore"/> under <c>draft:{id}</c>.</summary>
public sealed class DraftStore(IStateStore store)
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromDays(30);

    public static string NewId() => Guid.NewGuid().ToString("N");

    public async Task<StoredDraft?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(Key(id), cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return null;
        }

        var draft = JsonSerializer.Deserialize(entry.Value, DraftJsonContext.Default.TicketDraftState);
        return draft is null ? null : new StoredDraft(draft, entry.ETag);
    }

    /// <summary>Creates the draft; false when the id exists.</summary>
    public async Task<StoredDraft?> CreateAsync(TicketDraftState draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var entry = await store.PutAsync(Key(draft.Id), Serialize(draft), null, TimeToLive, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : new StoredDraft(draft, entry.ETag);
    }

    /// <summary>Replaces the draft if nobody changed it since it was read; null when somebody did.</summary>
    public async Task<StoredDraft?> ReplaceAsync(TicketDraftState draft, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var entry = await store.PutAsync(Key(draft.Id), Serialize(draft), etag, TimeToLive, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : new StoredDraft(draft, entry.ETag);
    }

    private static string Key(string id) => "draft:" + id;

    private static string Serialize(TicketDraftState draft) =>
        JsonSerializer.Serialize(draft, DraftJsonContext.Default.TicketDraftState);
}
