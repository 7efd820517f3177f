using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Tests.Chat;

/// <summary>
/// The README's chat command (<c>bash tests/e2e/chat.sh</c>): it starts the bot and one Agents Playground per person of
/// the seed, a message typed in one of them gets the bot's French answer, and Ctrl+C stops all it started (ports freed,
/// no process left, nothing left in the working tree). Needs node (the command installs the pinned playground if missing).
/// </summary>
public sealed class ChatCommandTests
{
    private static readonly string[] DefaultPeople = ["Support INSA Lyon", "Nathalie Matheu", "Hamid Le Fleurier", "Hélène Dechelette"];

    [Fact]
    public async Task Starts_the_bot_and_a_playground_per_person_answers_in_French_and_Ctrl_C_stops_everything()
    {
        var untrackedBefore = Untracked();
        await using var chat = ChatCommand.Start();

        await chat.WaitForLineAsync("^chat: the bot's log follows", TimeSpan.FromMinutes(6));
        var people = chat.People;
        Assert.Equal(DefaultPeople, people.Select(p => p.Name));
        var started = chat.ProcessesStarted();
        Assert.Single(started, p => p.CommandLine.StartsWith("dotnet ", StringComparison.Ordinal) && p.CommandLine.Contains("ChatOpsBot.dll", StringComparison.Ordinal));
        Assert.Equal(people.Count, started.Count(p => p.CommandLine.Contains("m365agentsplayground", StringComparison.Ordinal)));
        Assert.True(ChatCommand.IsListening(chat.Bot));

        // The Lyon support types « aide » in the personal chat of their client: the bot answers in French.
        var answer = await AskAsync(people[0].Url, "aide");
        Assert.StartsWith("Voici ce que je sais faire", answer, StringComparison.Ordinal);
        await chat.WaitForLineAsync("Turn: Support INSA Lyon, command Help in personal: done", TimeSpan.FromSeconds(30));

        var exitCode = await chat.InterruptAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{chat.Output}");
        Assert.Contains($"chat: stopped the bot and {people.Count} playground(s)", chat.Output, StringComparison.Ordinal);
        Assert.Empty(chat.ProcessesStarted());
        Assert.False(ChatCommand.IsListening(chat.Bot), "the bot's port is still taken");
        Assert.All(people, p => Assert.False(ChatCommand.IsListening(p.Url), $"{p.Name}'s playground port is still taken"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(chat.Folder, "chatopsbot-chat.*"));
        Assert.Equal(untrackedBefore, Untracked());
    }

    /// <summary>Sends a message as the playground's user in their personal chat; the text of the bot's next message there.</summary>
    private static async Task<string> AskAsync(Uri playground, string text)
    {
        using var http = new HttpClient { BaseAddress = playground, Timeout = TimeSpan.FromSeconds(60) };
        var config = (await http.GetFromJsonAsync<JsonNode>("/_internal/v1/config"))!["config"]!;
        var chat = config["personalChat"]!["id"]!.GetValue<string>();
        var bot = config["bot"]!["id"]!.GetValue<string>();

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{playground.Authority}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        using var sent = await http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(chat)}/messages",
            new { type = "text", text, textFormat = "plain", from = new { id = config["currentUser"]!["id"]!.GetValue<string>() } });
        sent.EnsureSuccessStatusCode();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var e = await ReceiveAsync(socket, timeout.Token);
            if (e["action"]?.GetValue<string>() == "createMessage" && e["message"]?["from"]?["id"]?.GetValue<string>() == bot)
            {
                return e["message"]!["text"]?.GetValue<string>() ?? string.Empty;
            }
        }
    }

    private static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!;
    }

    /// <summary>What git calls untracked in the working tree (empty outside a git checkout).</summary>
    private static string Untracked()
    {
        var start = new ProcessStartInfo("git", "status --porcelain --untracked-files=all")
        {
            WorkingDirectory = TestData.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 ? string.Join('\n', output.Split('\n').Where(l => l.StartsWith("??", StringComparison.Ordinal))) : string.Empty;
    }
}
