namespace ChatOpsBot.Itop.Caching;

/// <summary>One value loaded on demand and kept for a TTL measured with the injected <see cref="TimeProvider"/>; concurrent callers share one load.</summary>
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
            if (Fresh() is { } loadedMeanwhile)
            {
                return loadedMeanwhile;
            }

            var value = await load(cancellationToken).ConfigureAwait(false);
            _loadedAt = time.GetTimestamp();
            Volatile.Write(ref _value, value);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => Volatile.Write(ref _value, null);

    public void Dispose() => _gate.Dispose();

    private T? Fresh()
    {
        var value = Volatile.Read(ref _value);
        return value is not null && time.GetElapsedTime(_loadedAt) < ttl ? value : null;
    }
}
