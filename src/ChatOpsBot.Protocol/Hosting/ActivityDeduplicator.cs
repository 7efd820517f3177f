using System.Text.Json;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Protocol.Hosting;

/// <summary>
/// Remembers (conversation.id, activity.id) for <see cref="BotOptions.DedupeWindow"/> in the state store. The claim is a
/// create-if-absent write, so among concurrent duplicates exactly one wins. Invoke answers are stored to be replayed.
/// </summary>
internal sealed class ActivityDeduplicator(IStateStore store, IOptions<BotOptions> options, ILogger<ActivityDeduplicator> logger)
{
    private const string Pending = "pending";

    /// <summary>True when this is the first delivery (or it cannot be identified): handle it.</summary>
    public async Task<bool> TryClaimAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Key(activity) is not { } key)
        {
            return true;
        }

        try
        {
            var entry = await store.PutAsync(key, Pending, expectedETag: null, options.Value.DedupeWindow, cancellationToken).ConfigureAwait(false);
            return entry is not null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Availability first: a broken store must not silence the bot.
            Log.DedupeFailed(logger, ex, LogValues.Short(activity.Id));
            return true;
        }
    }

    /// <summary>Records the answer of an invoke so that a re-delivery gets the same status and body.</summary>
    public async Task RememberInvokeResponseAsync(Activity activity, int status, string? body, CancellationToken cancellationToken)
    {
        if (Key(activity) is not { } key)
        {
            return;
        }

        var value = JsonSerializer.Serialize(new StoredInvokeResponse(status, body), DedupeJsonContext.Default.StoredInvokeResponse);
        await store.PutAsync(key, value, StateETag.Any, options.Value.DedupeWindow, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored answer of an invoke already handled; null while the first delivery is still running.</summary>
    public async Task<StoredInvokeResponse?> GetInvokeResponseAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Key(activity) is not { } key)
        {
            return null;
        }

        var entry = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (entry is null || entry.Value == Pending)
        {
            return null;
        }

        return JsonSerializer.Deserialize(entry.Value, DedupeJsonContext.Default.StoredInvokeResponse);
    }

    private static string? Key(Activity activity) =>
        activity.Id is { Length: > 0 } id && activity.Conversation?.Id is { Length: > 0 } conversationId
            ? "protocol/seen/" + conversationId + "/" + id
            : null;
}
