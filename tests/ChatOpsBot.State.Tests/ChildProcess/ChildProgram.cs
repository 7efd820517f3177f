using System.Globalization;
using ChatOpsBot.State.Sqlite;

namespace ChatOpsBot.State.Tests.ChildProcess;

/// <summary>
/// Entry point used when a test starts this assembly as another process (`dotnet exec ChatOpsBot.State.Tests.dll ...`),
/// so the SQLite store is exercised by several OS processes on one file. The test host never calls it.
/// </summary>
public static class ChildProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["increment", var file, var countText])
        {
            using var store = new SqliteStateStore($"Data Source={file}", TimeProvider.System);
            var count = int.Parse(countText, CultureInfo.InvariantCulture);
            for (var done = 0; done < count;)
            {
                var current = await store.GetAsync("counter");
                var next = (int.Parse(current!.Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
                if (await store.PutAsync("counter", next, current.ETag) is not null)
                {
                    done++;
                    await store.PutAsync($"by:{Environment.ProcessId}:{done}", "v", null);
                }
            }

            return 0;
        }

        await Console.Error.WriteLineAsync("usage: increment <file> <count>");
        return 2;
    }
}
