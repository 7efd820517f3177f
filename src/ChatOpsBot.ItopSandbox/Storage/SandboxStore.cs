using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Model;
using Microsoft.Data.Sqlite;

namespace ChatOpsBot.ItopSandbox.Storage;

/// <summary>
/// The sandbox database: every object lives in SQLite (one row per object, attributes as JSON) and is
/// mirrored in memory; all REST operations run under <see cref="Sync"/>, one at a time.
/// </summary>
internal sealed class SandboxStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SortedDictionary<long, SandboxObject>> _objects = new(StringComparer.Ordinal);

    public SandboxStore(string? databasePath, string? seedFile, IEnumerable<string> seedAdditions, DataModel model)
    {
        Model = model;
        var source = databasePath ?? $"file:itop-sandbox-{Guid.NewGuid():N}?mode=memory&cache=shared";
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            CREATE TABLE IF NOT EXISTS objects (class TEXT NOT NULL, id INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (class, id));
            CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """);

        var seed = SeedFile.Load(seedFile, seedAdditions);
        Users = seed.Users;
        var seeded = Scalar("SELECT COUNT(*) FROM objects") > 0;
        if (!seeded)
        {
            using var tx = _connection.BeginTransaction();
            foreach (var o in seed.Objects)
            {
                Write(new SandboxObject(o.Class, o.Id, o.Fields), tx);
            }

            foreach (var (name, value) in seed.Counters)
            {
                using var counter = _connection.CreateCommand();
                counter.Transaction = tx;
                counter.CommandText = "INSERT INTO counters(name, value) VALUES ($n, $v)";
                counter.Parameters.AddWithValue("$n", name);
                counter.Parameters.AddWithValue("$v", value);
                counter.ExecuteNonQuery();
            }

            tx.Commit();
        }

        foreach (var o in seed.Objects.OrderByDescending(o => o.Fields.Count))
        {
            RegisterClass(o.Class, o.Parent ?? DefaultParent(o.Class), o.Fields);
        }

        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT class, id, data FROM objects";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var obj = new SandboxObject(reader.GetString(0), reader.GetInt64(1), (JsonObject)JsonNode.Parse(reader.GetString(2))!);
            Table(obj.Class)[obj.Id] = obj;
            RegisterClass(obj.Class, DefaultParent(obj.Class), obj.Fields);
        }
    }

    public object Sync { get; } = new();

    public DataModel Model { get; }

    public IReadOnlyList<SandboxUser> Users { get; }

    public SandboxUser? FindUser(string login) =>
        Users.FirstOrDefault(u => string.Equals(u.Login, login, StringComparison.OrdinalIgnoreCase));

    /// <summary>The objects of a class and of its subclasses, in id order.</summary>
    public IEnumerable<SandboxObject> All(string cls) =>
        Model.ClassAndSubclasses(cls)
            .Where(_objects.ContainsKey)
            .SelectMany(c => _objects[c].Values)
            .OrderBy(o => o.Id);

    public SandboxObject? Get(string cls, long id) =>
        Model.ClassAndSubclasses(cls)
            .Select(c => _objects.TryGetValue(c, out var t) && t.TryGetValue(id, out var o) ? o : null)
            .FirstOrDefault(o => o is not null);

    public void Save(SandboxObject obj)
    {
        Table(obj.Class)[obj.Id] = obj;
        Write(obj, null);
    }

    public void Delete(SandboxObject obj)
    {
        Table(obj.Class).Remove(obj.Id);
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "DELETE FROM objects WHERE class = $c AND id = $i";
        cmd.Parameters.AddWithValue("$c", obj.Class);
        cmd.Parameters.AddWithValue("$i", obj.Id);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Increments and returns a persistent counter (refs, ticket ids), never below <paramref name="floor"/> + 1.</summary>
    public long Next(string name, long floor)
    {
        var current = Math.Max(Scalar("SELECT COALESCE(MAX(value), 0) FROM counters WHERE name = $n", name), floor);
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "INSERT INTO counters(name, value) VALUES ($n, $v) ON CONFLICT(name) DO UPDATE SET value = $v";
        cmd.Parameters.AddWithValue("$n", name);
        cmd.Parameters.AddWithValue("$v", current + 1);
        cmd.ExecuteNonQuery();
        return current + 1;
    }

    public void Dispose() => _connection.Dispose();

    private static string? DefaultParent(string cls) => cls switch
    {
        "Person" or "Team" => "Contact",
        "UserRequest" or "Incident" or "Change" => "Ticket",
        _ => null,
    };

    private void RegisterClass(string cls, string? parent, JsonObject fields)
    {
        var info = Model.GetOrAdd(cls, parent);
        if (cls is "UserRequest")
        {
            return;
        }

        info.Attributes.Add("id");
        foreach (var (code, _) in fields)
        {
            info.AddAttribute(code);
        }

        if (cls == "Person")
        {
            info.FilterCodes ??= [.. DataModel.PersonFilterCodes];
            foreach (var code in DataModel.PersonFilterCodes)
            {
                info.Attributes.Add(code);
            }
        }
    }

    private SortedDictionary<long, SandboxObject> Table(string cls)
    {
        if (!_objects.TryGetValue(cls, out var table))
        {
            table = [];
            _objects[cls] = table;
        }

        return table;
    }

    private void Write(SandboxObject obj, SqliteTransaction? tx)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO objects(class, id, data) VALUES ($c, $i, $d) ON CONFLICT(class, id) DO UPDATE SET data = $d";
        cmd.Parameters.AddWithValue("$c", obj.Class);
        cmd.Parameters.AddWithValue("$i", obj.Id);
        cmd.Parameters.AddWithValue("$d", obj.Fields.ToJsonString());
        cmd.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private long Scalar(string sql, string? name = null)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        if (name is not null)
        {
            cmd.Parameters.AddWithValue("$n", name);
        }

        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
