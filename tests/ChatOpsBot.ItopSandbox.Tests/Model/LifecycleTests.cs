using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Model;

public sealed class LifecycleTests : SandboxTestBase
{
    private Task<JsonObject> StimulusAsync(string id, string stimulus, object? fields = null) =>
        Client.BotAsync(new
        {
            operation = "core/apply_stimulus", @class = "UserRequest", key = int.Parse(id), comment = "tests", stimulus,
            fields = fields ?? new { }, output_fields = "ref,status,assignment_date,resolution_date,close_date,last_pending_date,solution",
        });

    private static string Status(JsonObject reply) => Fields(reply)["status"]!.GetValue<string>();

    [Theory]
    [InlineData("ev_approve")]
    [InlineData("ev_close")]
    [InlineData("ev_resolve")]
    [InlineData("ev_pending")]
    [InlineData("ev_reopen")]
    [InlineData("ev_frobnicate")]
    public async Task Illegal_stimuli_on_a_new_ticket_are_refused(string stimulus)
    {
        var id = Key(await CreateTicketAsync());
        var reply = await StimulusAsync(id, stimulus);
        Assert.Equal(100, reply["code"]!.GetValue<int>());
        Assert.Equal($"Invalid stimulus: '{stimulus}' on the object R-000001 in state 'new'", reply["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Full_lifecycle_with_mandatory_text_attributes()
    {
        var id = Key(await CreateTicketAsync());
        Assert.Equal("assigned", Status(await StimulusAsync(id, "ev_assign", new { team_id = 21, agent_id = 2 })));

        var noReason = await StimulusAsync(id, "ev_pending");
        Assert.Equal("Missing mandatory attribute(s) for applying the stimulus: pending_reason.", noReason["message"]!.GetValue<string>());

        var pending = await StimulusAsync(id, "ev_pending", new { pending_reason = "Attente" });
        Assert.Equal("pending", Status(pending));
        Assert.NotEqual(string.Empty, Fields(pending)["last_pending_date"]!.GetValue<string>());

        var fromPending = await StimulusAsync(id, "ev_resolve", new { solution = "x" });
        Assert.Equal("Invalid stimulus: 'ev_resolve' on the object R-000001 in state 'pending'", fromPending["message"]!.GetValue<string>());

        Assert.Equal("assigned", Status(await StimulusAsync(id, "ev_assign")));
        var noSolution = await StimulusAsync(id, "ev_resolve");
        Assert.Equal("Missing mandatory attribute(s) for applying the stimulus: solution.", noSolution["message"]!.GetValue<string>());

        var resolved = await StimulusAsync(id, "ev_resolve", new { solution = "Fait.\nMerci" });
        Assert.Equal("resolved", Status(resolved));
        Assert.Equal("<p>Fait.\nMerci</p>", Fields(resolved)["solution"]!.GetValue<string>());

        Assert.Equal("assigned", Status(await StimulusAsync(id, "ev_reopen")));
        Assert.Equal("resolved", Status(await StimulusAsync(id, "ev_resolve")));
        var closed = await StimulusAsync(id, "ev_close");
        Assert.Equal("closed", Status(closed));
        Assert.NotEqual(string.Empty, Fields(closed)["close_date"]!.GetValue<string>());

        var reopen = await StimulusAsync(id, "ev_reopen");
        Assert.Equal("Invalid stimulus: 'ev_reopen' on the object R-000001 in state 'closed'", reopen["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_stimulus_writes_none_of_its_fields()
    {
        var id = Key(await CreateTicketAsync("Titre initial"));
        await StimulusAsync(id, "ev_assign", new { team_id = 21, agent_id = 2 });
        var failed = await StimulusAsync(id, "ev_pending", new { title = "Titre modifié" });
        var read = await Client.BotAsync(new { operation = "core/get", @class = "UserRequest", key = int.Parse(id), output_fields = "title,status" });

        Assert.Equal(100, failed["code"]!.GetValue<int>());
        Assert.Equal("Titre initial", Fields(read)["title"]!.GetValue<string>());
        Assert.Equal("assigned", Fields(read)["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rest_is_lax_like_itop_team_and_agent_are_not_enforced()
    {
        var id = Key(await CreateTicketAsync());
        var reply = await StimulusAsync(id, "ev_assign");
        Assert.Equal(0, reply["code"]!.GetValue<int>());
        Assert.Equal("assigned", Status(reply));
    }
}
