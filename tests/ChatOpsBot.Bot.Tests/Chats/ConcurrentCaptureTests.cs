using System.Text.Json;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.State;
using ChatOpsBot.State.Sqlite;

namespace ChatOpsBot.Bot.Tests.Chats;

/// <summary>
/// Teams sends installationUpdate and conversationUpdate together when the app is installed, and the bot processes
/// them at once: neither may erase what the other wrote in the conversation's reference (seen with the Agents
/// Playground, where an approver's card came in French although her Teams speaks English).
/// </summary>
public sealed class ConcurrentCaptureTests : IDisposable
{
    private const string Chat = "a:helene";
    private readonly string _file = Path.Combine(Path.GetTempPath(), "convref-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task An_activity_read_before_the_install_was_written_keeps_the_locale_and_the_person_link()
    {
        using var sqlite = new SqliteStateStore("Data Source=" + _file, TimeProvider.System);
        var store = new HeldPutStore(sqlite);
        var references = new ConversationReferenceStore(store);
        var install = Activity(TeamsActivity.Install(), "en-US");
        var membersAdded = Activity(TeamsActivity.ConversationUpdate(), locale: null);

        // The conversationUpdate reads "no reference yet", then its write waits while the install is captured and linked.
        store.HoldNextPut("convref:" + Chat);
        var late = references.CaptureAsync(membersAdded, CancellationToken.None);
        await store.Held.WaitAsync(TimeSpan.FromSeconds(30));
        await references.CaptureAsync(install, CancellationToken.None);
        await references.LinkPersonAsync(install, 4, CancellationToken.None);
        store.Release();
        await late.WaitAsync(TimeSpan.FromSeconds(30));

        var stored = await references.GetPersonalByPersonIdAsync(4, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal((Chat, "en-US", 4, "29:helene"), (stored.ConversationId, stored.Locale, stored.PersonId, stored.UserId));
    }

    [Fact]
    public async Task A_link_made_while_another_activity_is_captured_stays()
    {
        using var sqlite = new SqliteStateStore("Data Source=" + _file, TimeProvider.System);
        var store = new HeldPutStore(sqlite);
        var references = new ConversationReferenceStore(store);
        await references.CaptureAsync(Activity(TeamsActivity.Message("x"), "en-US"), CancellationToken.None);

        // A message from another serviceUrl region is being captured when the identified turn links the person.
        var moved = Activity(TeamsActivity.Message("x"), "en-US", "https://smba.trafficmanager.net/emea/");
        store.HoldNextPut("convref:" + Chat);
        var late = references.CaptureAsync(moved, CancellationToken.None);
        await store.Held.WaitAsync(TimeSpan.FromSeconds(30));
        await references.LinkPersonAsync(moved, 4, CancellationToken.None);
        store.Release();
        await late.WaitAsync(TimeSpan.FromSeconds(30));

        var stored = await references.GetAsync(Chat, CancellationToken.None);
        Assert.Equal((4, "https://smba.trafficmanager.net/emea/"), (stored!.PersonId, stored.ServiceUrl));
    }

    public void Dispose()
    {
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static Activity Activity(TeamsActivity kind, string? locale, string serviceUrl = "https://smba.trafficmanager.net/fr/") =>
        kind.From("29:helene", "Hélène Dechelette").WithoutAadObjectId().Personal(Chat).Locale(locale).To(serviceUrl).Build().Deserialize(ProtocolJsonContext.Default.Activity)!;

    /// <summary>Holds the first write of one key, once armed, until released; everything else goes straight to the store.</summary>
    private sealed class HeldPutStore(IStateStore inner) : IStateStore
    {
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? _key;

        public Task Held => _held.Task;

        public void HoldNextPut(string key) => _key = key;

        public void Release() => _released.TrySetResult();

        public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public async Task<StateEntry?> PutAsync(string key, string value, string? expectedETag, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
        {
            if (key == _key && _held.TrySetResult())
            {
                await _released.Task.WaitAsync(cancellationToken);
            }

            return await inner.PutAsync(key, value, expectedETag, timeToLive, cancellationToken);
        }

        public Task<bool> DeleteAsync(string key, string? expectedETag = null, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(key, expectedETag, cancellationToken);

        public Task<IReadOnlyList<StateEntry>> ListAsync(string prefix, int limit = 1000, CancellationToken cancellationToken = default) =>
            inner.ListAsync(prefix, limit, cancellationToken);
    }
}
