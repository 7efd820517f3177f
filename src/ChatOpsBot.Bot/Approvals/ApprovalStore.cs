using System.Globalization;
using System.Text.Json;
using ChatOpsBot.State;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>Approval rounds under <c>approval:{ticketId}</c>.</summary>
public sealed class ApprovalStore(IStateStore store)
{
    public const string ApprovalPrefix = "approval:";
    private static readonly TimeSpan ApprovalTimeToLive = TimeSpan.FromDays(90);

    public async Task<StoredApproval?> GetAsync(int ticketId, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(Key(ticketId), cancellationToken).ConfigureAwait(false);
        return entry is null ? null : Read(entry);
    }

    public async Task<IReadOnlyList<StoredApproval>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = await store.ListAsync(ApprovalPrefix, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(Read).OfType<StoredApproval>()];
    }

    /// <summary>Writes the record: a new round (unconditional) when <paramref name="etag"/> is null, otherwise only if unchanged.</summary>
    public async Task<StoredApproval?> PutAsync(ApprovalRecord record, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = await store.PutAsync(Key(record.TicketId), Serialize(record), etag ?? StateETag.Any, ApprovalTimeToLive, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : new StoredApproval(record, entry.ETag);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current record and writes it if nobody wrote meanwhile, else tries again
    /// on the newer record; <paramref name="change"/> returns null when there is nothing (left) to write.
    /// </summary>
    public async Task<StoredApproval?> UpdateAsync(int ticketId, Func<ApprovalRecord, ApprovalRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var update = await store.UpdateAsync(
            Key(ticketId),
            value => value is not null && Deserialize(value) is { } current && change(current) is { } next ? Serialize(next) : null,
            ApprovalTimeToLive,
            cancellationToken).ConfigureAwait(false);
        return update is null ? null : Read(update.Entry);
    }

    /// <summary>Writes a new round only if the ticket has none: a round begun before a crash is kept as it stands.</summary>
    public async Task<StoredApproval?> CreateAsync(ApprovalRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = await store.PutAsync(Key(record.TicketId), Serialize(record), null, ApprovalTimeToLive, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : new StoredApproval(record, entry.ETag);
    }

    /// <summary>Removes a round iTop no longer holds (the ticket left the approval before it was asked), if unchanged since read.</summary>
    public Task<bool> DeleteAsync(StoredApproval stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return store.DeleteAsync(Key(stored.Record.TicketId), stored.ETag, cancellationToken);
    }

    /// <summary>
    /// Claims an idle round (<see cref="ApprovalRecord.IsIdle"/>) for a decision or a hand-over: <paramref name="claim"/> applied to
    /// the round as the click read it, or, when only bookkeeping changed since (a card saved, a reminder sent), to the newer
    /// round. Null when a decision, a hand-over or another click's intent came first, or the round is a new one: the click is
    /// then out of date.
    /// </summary>
    public async Task<StoredApproval?> ClaimAsync(StoredApproval read, Func<ApprovalRecord, ApprovalRecord> claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(claim);
        if (!read.Record.IsIdle)
        {
            return null;
        }

        return await PutAsync(claim(read.Record), read.ETag, cancellationToken).ConfigureAwait(false)
            ?? await UpdateAsync(read.Record.TicketId, current =>
                current.RequestedAt == read.Record.RequestedAt && current.IsIdle && current.HandOffs == read.Record.HandOffs ? claim(current) : null,
                cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where each approver's card went, merged into the current round (which may have changed meanwhile).</summary>
    public Task<StoredApproval?> SaveCardsAsync(int ticketId, IReadOnlyList<ApproverRef> approvers, CancellationToken cancellationToken) =>
        UpdateAsync(ticketId, current =>
        {
            var merged = current.Approvers.Select(a => approvers.FirstOrDefault(n => n.PersonId == a.PersonId && n.ActivityId is not null && a.ActivityId is null) ?? a)
                .Concat(approvers.Where(n => current.Approvers.All(a => a.PersonId != n.PersonId)))
                .ToList();
            return merged.SequenceEqual(current.Approvers) ? null : current with { Approvers = merged };
        }, cancellationToken);

    private static StoredApproval? Read(StateEntry entry) =>
        Deserialize(entry.Value) is { } record ? new StoredApproval(record, entry.ETag) : null;

    private static string Serialize(ApprovalRecord record) => JsonSerializer.Serialize(record, ApprovalJsonContext.Default.ApprovalRecord);

    private static ApprovalRecord? Deserialize(string json) => JsonSerializer.Deserialize(json, ApprovalJsonContext.Default.ApprovalRecord);

    private static string Key(int ticketId) => ApprovalPrefix + ticketId.ToString(CultureInfo.InvariantCulture);
}
