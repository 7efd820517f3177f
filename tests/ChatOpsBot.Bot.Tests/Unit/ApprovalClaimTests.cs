using ChatOpsBot.Bot.Approvals;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.State.Sqlite;

namespace ChatOpsBot.Bot.Tests.Unit;

/// <summary>
/// <see cref="ApprovalStore.ClaimAsync"/> on a real SQLite state file: bookkeeping written since a click's read (a card
/// saved, a reminder) does not make the click out of date; a decision or a hand-over does.
/// </summary>
public sealed class ApprovalClaimTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly string _file = Path.Combine(Path.GetTempPath(), "chatopsbot-claim-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly SqliteStateStore _state;
    private readonly ApprovalStore _store;

    public ApprovalClaimTests()
    {
        _state = new SqliteStateStore("Data Source=" + _file, TimeProvider.System);
        _store = new ApprovalStore(_state);
    }

    [Fact]
    public async Task A_card_saved_since_the_read_is_kept_and_the_claim_wins()
    {
        var read = await NewRoundAsync();
        var card = new ApproverRef { PersonId = 2, Name = "Eloise Joyeux", ConversationId = "a:eloise", ActivityId = "msg-7" };
        await _store.SaveCardsAsync(read.Record.TicketId, [card], CancellationToken.None);

        var claimed = await _store.ClaimAsync(read, Now, Decide, CancellationToken.None);

        Assert.Equal(ApprovalDecision.Approved, claimed?.Record.Decision);
        Assert.Equal("msg-7", claimed!.Record.Approvers.Single(a => a.PersonId == 2).ActivityId);
        var stored = (await _store.GetAsync(read.Record.TicketId, CancellationToken.None))!.Record;
        Assert.Equal(ApprovalDecision.Approved, stored.Decision);
        Assert.Equal(claimed.Record.Approvers, stored.Approvers);
    }

    [Fact]
    public async Task A_decision_since_the_read_wins()
    {
        var read = await NewRoundAsync();
        Assert.NotNull(await _store.ClaimAsync(read, Now, r => r with { Decision = ApprovalDecision.Rejected, DecidedById = 4 }, CancellationToken.None));

        Assert.Null(await _store.ClaimAsync(read, Now, Decide, CancellationToken.None));
        Assert.Equal(ApprovalDecision.Rejected, (await _store.GetAsync(read.Record.TicketId, CancellationToken.None))!.Record.Decision);
    }

    [Fact]
    public async Task A_hand_over_under_way_or_done_since_the_read_wins()
    {
        var read = await NewRoundAsync();
        var handing = await _store.ClaimAsync(read, Now, r => r with { HandOffStartedAt = Now, HandOffs = r.HandOffs + 1 }, CancellationToken.None);
        Assert.NotNull(handing);
        Assert.Null(await _store.ClaimAsync(read, Now, Decide, CancellationToken.None));

        // Done (its mark cleared): the click still read the round from before it.
        await _store.UpdateAsync(read.Record.TicketId, r => r with { HandOffStartedAt = null }, CancellationToken.None);
        Assert.Null(await _store.ClaimAsync(read, Now, Decide, CancellationToken.None));

        // A click that read the round after it claims normally.
        var fresh = await _store.GetAsync(read.Record.TicketId, CancellationToken.None);
        Assert.NotNull(await _store.ClaimAsync(fresh!, Now, Decide, CancellationToken.None));
    }

    [Fact]
    public async Task A_hand_over_whose_process_died_no_longer_holds_the_round()
    {
        var read = await NewRoundAsync();
        await _store.ClaimAsync(read, Now, r => r with { HandOffStartedAt = Now, HandOffs = r.HandOffs + 1 }, CancellationToken.None);
        var fresh = await _store.GetAsync(read.Record.TicketId, CancellationToken.None);

        Assert.True(fresh!.Record.IsHandingOff(Now + TimeSpan.FromMinutes(1)));
        Assert.False(fresh.Record.IsHandingOff(Now + ApprovalRecord.HandOffClaimLifetime));
        Assert.NotNull(await _store.ClaimAsync(fresh, Now + ApprovalRecord.HandOffClaimLifetime, Decide, CancellationToken.None));
    }

    public void Dispose()
    {
        _state.Dispose();
        File.Delete(_file);
    }

    private static ApprovalRecord Decide(ApprovalRecord record) => record with { Decision = ApprovalDecision.Approved, DecidedById = 2, DecidedAt = Now };

    private async Task<StoredApproval> NewRoundAsync()
    {
        var record = new ApprovalRecord
        {
            TicketId = 42,
            RequestedAt = Now,
            RequestedBy = "Support INSA Lyon",
            Approvers = [new ApproverRef { PersonId = 4, Name = "Hélène Dechelette", ActivityId = "msg-1" }, new ApproverRef { PersonId = 2, Name = "Eloise Joyeux" }],
        };
        return (await _store.PutAsync(record, null, CancellationToken.None))!;
    }
}
