using ChatOpsBot.Bot.Subscriptions;

namespace ChatOpsBot.Notifications;

/// <summary>
/// Sliding-window send limits per key (conversation, tenant), on a <see cref="TimeProvider"/>. Not thread-safe:
/// one delivery loop owns it.
/// </summary>
public sealed class SlidingWindowLimiter(TimeProvider time)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);

    /// <summary>How long to wait before <paramref name="key"/> may send again under all <paramref name="limits"/> (zero: now).</summary>
    public TimeSpan DelayFor(string key, params (int Count, TimeSpan Window)[] limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var now = time.GetUtcNow();
        var wait = _blockedUntil.TryGetValue(key, out var until) && until > now ? until - now : TimeSpan.Zero;
        if (!_sent.TryGetValue(key, out var sent))
        {
            return wait;
        }

        var longest = limits.Max(l => l.Window);
        while (sent.Count > 0 && sent.Peek() <= now - longest)
        {
            sent.Dequeue();
        }

        foreach (var (count, window) in limits)
        {
            var inWindow = sent.Where(t => t > now - window).ToList();
            if (inWindow.Count >= count)
            {
                // The oldest send that must leave the window before one more fits.
                var free = inWindow[inWindow.Count - count] + window - now;
                if (free > wait)
                {
                    wait = free;
                }
            }
        }

        return wait;
    }

    public void Record(string key)
    {
        if (!_sent.TryGetValue(key, out var sent))
        {
            _sent[key] = sent = new Queue<DateTimeOffset>();
        }

        sent.Enqueue(time.GetUtcNow());
    }

    /// <summary>Nothing more for <paramref name="key"/> until <paramref name="delay"/> has passed (429, failures).</summary>
    public void Block(string key, TimeSpan delay) => _blockedUntil[key] = time.GetUtcNow() + delay;
}
