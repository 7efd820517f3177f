using ChatOpsBot.Bot.Approvals;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.State.Sqlite;

namespace ChatOpsBot.Bot.Tests.Approvals;

/// <summary>
/// <see cref="ApprovalStore.ClaimAsync"/> on a real SQLite state file: bookkeeping written since a click's read (a card
/// saved, a reminder) does not make the click out of date; another click's intent, a decision or a hand-over does.
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

        var claimed = await _store.ClaimAsync(read, Claim(Approving), CancellationToken.None);

        Assert.Equal(Approving, claimed?.Record.Intent);
        Assert.Equal("msg-7", claimed!.Record.Approvers.Single(a => a.PersonId == 2).ActivityId);
        var stored = (await _store.GetAsync(read.Record.TicketId, CancellationToken.None))!.Record;
        Assert.Equal(Approving, stored.Intent);
        Assert.Null(stored.Decision);
        Assert.Equal(claimed.Record.Approvers, stored.Approvers);
    }

    [Fact]
    public async Task Another_click_under_way_or_decided_since_the_read_wins()
    {
        var read = await NewRoundAsync();
        var rejecting = Approving with { Kind = ApprovalIntentKind.Reject, ById = 4, By = "Hélène Dechelette", Comment = "Non" };
        Assert.NotNull(await _store.ClaimAsync(read, Claim(rejecting), CancellationToken.None));

        Assert.Null(await _store.ClaimAsync(read, Claim(Approving), CancellationToken.None));
        var underWay = await _store.GetAsync(read.Record.TicketId, CancellationToken.None);
        Assert.False(underWay!.Record.IsIdle);
        Assert.Null(await _store.ClaimAsync(underWay, Claim(Approving), CancellationToken.None));

        // Confirmed by iTop: the round says the decision, and still refuses the click.
        await _store.UpdateAsync(read.Record.TicketId, r => r with { Intent = null, Work = null, Decision = ApprovalDecision.Rejected, DecidedById = 4 }, CancellationToken.None);
        Assert.Null(await _store.ClaimAsync(read, Claim(Approving), CancellationToken.None));
        Assert.Equal(ApprovalDecision.Rejected, (await _store.GetAsync(read.Record.TicketId, CancellationToken.None))!.Record.Decision);
    }

    [Fact]
    public async Task A_hand_over_under_way_or_done_since_the_read_wins()
    {
        var read = await NewRoundAsync();
        var handing = Approving with { Kind = ApprovalIntentKind.HandOff, TargetId = 2, TargetName = "Eloise Joyeux" };
        Assert.NotNull(await _store.ClaimAsync(read, Claim(handing), CancellationToken.None));
        Assert.Null(await _store.ClaimAsync(read, Claim(Approving), CancellationToken.None));

        // Done (iTop names the new approver): the click still read the round from before it.
        await _store.UpdateAsync(read.Record.TicketId, r => r with { Intent = null, Work = null, HandOffs = r.HandOffs + 1 }, CancellationToken.None);
        Assert.Null(await _store.ClaimAsync(read, Claim(Approving), CancellationToken.None));

        // A click that read the round after it claims normally.
        var fresh = await _store.GetAsync(read.Record.TicketId, CancellationToken.None);
        Assert.NotNull(await _store.ClaimAsync(fresh!, Claim(Approving), CancellationToken.None));
    }

    [Fact]
    public async Task A_round_not_yet_delivered_cannot_be_claimed()
    {
        var read = await NewRoundAsync(ApprovalPhase.Delivering);
        Assert.Null(await _store.ClaimAsync(read, Claim(Approving), CancellationToken.None));
        Assert.Null((await _store.GetAsync(read.Record.TicketId, CancellationToken.None))!.Record.Intent);
    }

    public void Dispose()
    {
        _state.Dispose();
        File.Delete(_file);
    }

    private static readonly ApprovalIntent Approving = new() { Kind = ApprovalIntentKind.Approve, ById = 2, By = "Eloise Joyeux", At = Now };

    private static Func<ApprovalRecord, ApprovalRecord> Claim(ApprovalIntent intent) => r => r with { Intent = intent };

    private async Task<StoredApproval> NewRoundAsync(ApprovalPhase phase = ApprovalPhase.Open)
    {
        var record = new ApprovalRecord
        {
            TicketId = 42,
            Phase = phase,
            RequestedAt = Now,
            RequestedBy = "Support INSA Lyon",
            Approvers = [new ApproverRef { PersonId = 4, Name = "Hélène Dechelette", ActivityId = "msg-1" }, new ApproverRef { PersonId = 2, Name = "Eloise Joyeux" }],
        };
        return (await _store.PutAsync(record, null, CancellationToken.None))!;
    }
}
