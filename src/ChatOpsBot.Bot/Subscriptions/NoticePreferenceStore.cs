using System.Globalization;
using System.Text.Json;
using ChatOpsBot.State;

namespace ChatOpsBot.Bot.Subscriptions;

/// <summary>
/// The kinds of personal notice each person muted, in <see cref="IStateStore"/> under <c>notice-mute:{person}</c> (a JSON
/// list of <see cref="NoticeKind"/> names; nothing stored: every notice on). Written by compare-and-swap so that two
/// saves at once never lose one another's kinds.
/// </summary>
public sealed class NoticePreferenceStore(IStateStore store)
{
    private const int Attempts = 5;

    public async Task<IReadOnlySet<NoticeKind>> GetMutedAsync(int personId, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(Key(personId), cancellationToken).ConfigureAwait(false);
        return Read(entry?.Value);
    }

    public async Task<bool> IsMutedAsync(int personId, NoticeKind kind, CancellationToken cancellationToken) =>
        (await GetMutedAsync(personId, cancellationToken).ConfigureAwait(false)).Contains(kind);

    /// <summary>Turns each kind given on or off, leaving the others as they are.</summary>
    public async Task<IReadOnlySet<NoticeKind>> SetAsync(int personId, IReadOnlyDictionary<NoticeKind, bool> on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(on);
        for (var attempt = 0; ; attempt++)
        {
            var entry = await store.GetAsync(Key(personId), cancellationToken).ConfigureAwait(false);
            var muted = new SortedSet<NoticeKind>(Read(entry?.Value));
            foreach (var (kind, wanted) in on)
            {
                if (wanted)
                {
                    muted.Remove(kind);
                }
                else
                {
                    muted.Add(kind);
                }
            }

            var json = JsonSerializer.Serialize(muted.Select(k => k.ToString()).ToList(), SubscriptionsJsonContext.Default.ListString);
            if (await store.PutAsync(Key(personId), json, entry?.ETag, cancellationToken: cancellationToken).ConfigureAwait(false) is not null)
            {
                return muted;
            }

            if (attempt == Attempts)
            {
                throw new InvalidOperationException("The notice preferences kept changing while being saved.");
            }
        }
    }

    private static HashSet<NoticeKind> Read(string? json) =>
        json is null
            ? []
            : (JsonSerializer.Deserialize(json, SubscriptionsJsonContext.Default.ListString) ?? [])
                .Select(n => Enum.TryParse<NoticeKind>(n, out var k) ? k : (NoticeKind?)null)
                .OfType<NoticeKind>()
                .ToHashSet();

    private static string Key(int personId) => "notice-mute:" + personId.ToString(CultureInfo.InvariantCulture);
}
