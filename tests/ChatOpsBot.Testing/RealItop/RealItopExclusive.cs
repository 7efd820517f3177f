namespace ChatOpsBot.Testing.RealItop;

/// <summary>
/// Holds the one real iTop of the tests for a whole test collection, across test assemblies: <c>dotnet test</c> runs
/// the test projects side by side, and a reset in one (back to the seed) would remove what another is working on.
/// Every "real iTop" collection takes this as its collection fixture; the lock is an exclusive file lock next to the
/// instance (LAB_DIR) or in the temporary folder, released when the collection ends or its process dies.
/// </summary>
public sealed class RealItopExclusive : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);
    private readonly FileStream? _lock;

    public RealItopExclusive()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ITOP_TEST_URL")))
        {
            return; // the collection's tests are skipped: nothing to hold
        }

        var folder = Environment.GetEnvironmentVariable("LAB_DIR") is { Length: > 0 } lab && Directory.Exists(lab) ? lab : Path.GetTempPath();
        var path = Path.Combine(folder, "chatopsbot-tests.lock");
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
        }
    }

    public void Dispose() => _lock?.Dispose();
}
