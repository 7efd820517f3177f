using System.Text.Json;
using ChatOpsBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Protocol.Hosting;

/// <summary>
/// Remembers (conversation.id, activity.id) for <see cref="BotOptions.DedupeWindow"/> in the app's
/// <see cref="IActivityDedupeStore"/>, where among concurrent duplicates exactly one claim wins. Invoke answers are kept to
/// be replayed.
/// </summary>
internal sealed class ActivityDeduplicator(IActivityDedupeStore store, IOptions<BotOptions> options, ILogger<ActivityDeduplicator> logger)
{

    /// <summary>True when this is the first delivery (or it cannot be identified): handle it.</summary>
    public async Task<bool> TryClaimAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Key(activity) is not { } key)
        {
            return true;
        }

        try
        {
            return await store.TryClaimAsync(key.ConversationId, key.ActivityId, options.Value.DedupeWindow, cancellationToken).ConfigureAwait(false);
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
        await store.SaveAnswerAsync(key.ConversationId, key.ActivityId, value, options.Value.DedupeWindow, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored answer of an invoke already handled; null while the first delivery is still running.</summary>
    public async Task<StoredInvokeResponse?> GetInvokeResponseAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (Key(activity) is not { } key)
        {
            return null;
        }

        var answer = await store.GetAnswerAsync(key.ConversationId, key.ActivityId, cancellationToken).ConfigureAwait(false);
        return answer is null ? null : JsonSerializer.Deserialize(answer, DedupeJsonContext.Default.StoredInvokeResponse);
    }

    private static (string ConversationId, string ActivityId)? Key(Activity activity) =>
        activity.Id is { Length: > 0 } id && activity.Conversation?.Id is { Length: > 0 } conversationId
            ? (conversationId, id)
            : null;
}
