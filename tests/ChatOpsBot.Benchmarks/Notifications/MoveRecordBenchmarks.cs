using BenchmarkDotNet.Attributes;
using ChatOpsBot.Notifications;
using ChatOpsBot.State;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Benchmarks.Notifications;

/// <summary>
/// What the record of who made a write adds to a click (issue 14): the desk's two state-store writes around its iTop call
/// (<see cref="TicketMoveStore.BeginAsync"/> before, <see cref="TicketMoveStore.CompleteAsync"/> with iTop's date after),
/// on the product's default store, a SQLite file. <c>dotnet run -c Release --project tests/ChatOpsBot.Benchmarks -- --filter *MoveRecord*</c>.
/// </summary>
[MemoryDiagnoser]
public class MoveRecordBenchmarks
{
    private string _directory = null!;
    private ServiceProvider _services = null!;
    private TicketMoveStore _moves = null!;
    private Ticket _written = null!;
    private int _ticket;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "chatopsbot-bench-moves", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["State:Provider"] = "Sqlite",
            ["State:ConnectionString"] = "Data Source=" + Path.Combine(_directory, "state.db"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddStateStore(configuration);
        services.AddSingleton<TicketMoveStore>();
        _services = services.BuildServiceProvider();
        _moves = _services.GetRequiredService<TicketMoveStore>();
        _written = new Ticket { Id = 1, Ref = "R-000001", Title = "Cours", Status = TicketStatus.Assigned, OrgId = 3, LastUpdate = DateTimeOffset.UtcNow };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>One click's records: before the iTop call, then dated with its answer (a new ticket each time, like a store in use).</summary>
    [Benchmark]
    public async Task Record_one_click()
    {
        var move = new TicketMoveRecord(++_ticket, Guid.NewGuid().ToString("N"), "ev_pending", 3, "Hamid Le Fleurier", null, "Mis en attente.\nQuel est le nom du cours ?", DateTimeOffset.UtcNow);
        await _moves.BeginAsync(move, default);
        await _moves.CompleteAsync(move, _written, default);
    }
}
