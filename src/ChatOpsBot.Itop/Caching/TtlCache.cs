namespace ChatOpsBot.Itop.Caching;

/// <summary>
/// One value loaded on demand and kept for a TTL measured with the injected <see cref="TimeProvider"/>; concurrent callers
/// share one load. <see cref="RefreshAsync"/> loads a new value while the old one is still served (a warmer calls it
/// before the TTL runs out, so no caller waits for a load).
/// </summary>
public sealed class TtlCache<T>(TimeProvider time, TimeSpan ttl) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private T? _value;
    private long _loadedAt;

    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Fresh() ?? Store(await load(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Loads a new value and puts it in place of the current one, which callers keep getting meanwhile.</summary>
    public async Task<T> RefreshAsync(Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Store(await load(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => Volatile.Write(ref _value, null);

    public void Dispose() => _gate.Dispose();

    private T Store(T value)
    {
        Volatile.Write(ref _loadedAt, time.GetTimestamp());
        Volatile.Write(ref _value, value);
        return value;
    }

    private T? Fresh()
    {
        var value = Volatile.Read(ref _value);
        return value is not null && time.GetElapsedTime(Volatile.Read(ref _loadedAt)) < ttl ? value : null;
    }
}
