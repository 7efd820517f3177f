using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Rest;

public sealed class CaseLogTests : SandboxTestBase
{
    private Task<JsonObject> AppendAsync(string id, object log, string user = "teams-bot") =>
        Client.FormAsync(user, "sandbox", new
        {
            operation = "core/update", @class = "UserRequest", key = int.Parse(id), comment = "tests",
            fields = new Dictionary<string, object> { ["public_log"] = log },
            output_fields = "public_log",
        });

    [Fact]
    public async Task String_and_add_item_append_entries_in_order()
    {
        var id = Key(await CreateTicketAsync());
        await AppendAsync(id, "Premier message, texte simple");
        await AppendAsync(id, new { add_item = new { message = "<p>Deux <b>gras</b><script>alert(1)</script></p>", format = "html" } });
        await AppendAsync(id, new { add_item = new { message = "Ligne 1\nLigne <2>", format = "text", date = "2024-01-15 10:00:00", user_login = "Jean Dupont" } });
        var read = await Client.BotAsync(new { operation = "core/get", @class = "UserRequest", key = int.Parse(id), output_fields = "public_log" });

        var entries = Fields(read)["public_log"]!["entries"]!.AsArray();
        Assert.Equal(3, entries.Count);
        Assert.Equal("Premier message, texte simple", entries[0]!["message"]!.GetValue<string>());
        Assert.Equal("<p>Premier message, texte simple</p>", entries[0]!["message_html"]!.GetValue<string>());
        Assert.Equal("teams-bot", entries[0]!["user_login"]!.GetValue<string>());
        Assert.Equal("10", entries[0]!["user_id"]!.GetValue<string>());
        Assert.Equal("<p>Deux <b>gras</b></p>", entries[1]!["message_html"]!.GetValue<string>());
        Assert.Equal("Deux gras", entries[1]!["message"]!.GetValue<string>());
        Assert.Equal("Ligne 1<br/>Ligne &lt;2&gt;", entries[2]!["message_html"]!.GetValue<string>());
        Assert.Equal("2024-01-15 10:00:00", entries[2]!["date"]!.GetValue<string>());
        Assert.Equal("teams-bot", entries[2]!["user_login"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_html_entry_and_the_description_are_stored_and_rendered_as_the_real_iTop_does()
    {
        // Sent to the real iTop 3.2 of ../shared/itop (core/update of description and public_log in one call): its answer.
        const string sent = "<p>a</p><p>b<br/>c &#39; &quot; &amp; &lt;x&gt;</p><ul><li>x</li><li>y</li></ul><div>d</div>";
        const string stored = "<p>a</p><p>b<br>c ' \" &amp; &lt;x&gt;</p><ul><li>x</li><li>y</li></ul><div>d</div>";
        var id = Key(await CreateTicketAsync());
        var reply = await Client.FormAsync("teams-bot", "sandbox", new
        {
            operation = "core/update", @class = "UserRequest", key = int.Parse(id), comment = "tests",
            fields = new Dictionary<string, object> { ["description"] = sent, ["public_log"] = new { add_item = new { message = sent, format = "html" } } },
            output_fields = "description,public_log",
        });

        var entry = Fields(reply)["public_log"]!["entries"]!.AsArray().Single()!;
        Assert.Equal(stored, entry["message_html"]!.GetValue<string>());
        Assert.Equal("a\n\nb\nc ' \" & <x>\n\n- x\n- y\n\nd", entry["message"]!.GetValue<string>());
        Assert.Equal(stored, Fields(reply)["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_administrators_set_the_user_id()
    {
        var id = Key(await CreateTicketAsync());
        var bot = await AppendAsync(id, new { add_item = new { message = "x", user_id = 11, user_login = "Jean Dupont" } });
        var admin = await AppendAsync(id, new { add_item = new { message = "y", user_id = 0, user_login = "Jean Dupont", format = "text" } }, "rest-admin");

        Assert.Equal(1, bot["code"]!.GetValue<int>());
        Assert.Equal("Error: public_log: Only administrators can set the user id", bot["message"]!.GetValue<string>());
        var entry = Fields(admin)["public_log"]!["entries"]!.AsArray().Single()!;
        Assert.Equal("Jean Dupont", entry["user_login"]!.GetValue<string>());
        Assert.Equal(0, entry["user_id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Add_item_without_message_is_refused()
    {
        var id = Key(await CreateTicketAsync());
        var reply = await AppendAsync(id, new { add_item = new { format = "text" } });
        Assert.Equal(100, reply["code"]!.GetValue<int>());
        Assert.Equal("Error: public_log: Missing mandatory entry: 'message'", reply["message"]!.GetValue<string>());
    }
}
