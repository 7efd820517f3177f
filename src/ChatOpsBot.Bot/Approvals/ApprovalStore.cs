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
        var json = JsonSerializer.Serialize(record, ApprovalJsonContext.Default.ApprovalRecord);
        var entry = await store.PutAsync(Key(record.TicketId), json, etag ?? StateETag.Any, ApprovalTimeToLive, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : new StoredApproval(record, entry.ETag);
    }

    private static StoredApproval? Read(StateEntry entry) =>
        JsonSerializer.Deserialize(entry.Value, ApprovalJsonContext.Default.ApprovalRecord) is { } record ? new StoredApproval(record, entry.ETag) : null;

    private static string Key(int ticketId) => ApprovalPrefix + ticketId.ToString(CultureInfo.InvariantCulture);
}
