using System.Text.RegularExpressions;
using ChatOpsBot.Testing;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Lifecycle;
using ChatOpsBot.Tickets.Rules;
using ChatOpsBot.Tickets.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.Tickets.Tests.Lifecycle;

/// <summary>Every state × stimulus against the transition table of the vendored LIFECYCLE.md (parsed, not copied).</summary>
public sealed class TicketLifecycleTableTests
{
    private static readonly Lazy<HashSet<(string From, string Stimulus, string To)>> Documented = new(ParseLifecycle);

    public static TheoryData<TicketStatus, TicketStimulus> AllPairs()
    {
        var data = new TheoryData<TicketStatus, TicketStimulus>();
        foreach (var s in Enum.GetValues<TicketStatus>())
        {
            foreach (var e in Enum.GetValues<TicketStimulus>())
            {
                data.Add(s, e);
            }
        }

        return data;
    }

    [Fact]
    public void The_table_has_exactly_the_documented_transitions()
    {
        var ours = TicketLifecycle.Transitions.Select(t => (t.From.ToCode(), t.Stimulus.ToCode(), t.To.ToCode())).ToHashSet();
        Assert.Equal(Documented.Value.OrderBy(x => x.ToString()), ours.OrderBy(x => x.ToString()));
        Assert.Equal(25, ours.Count);
    }

    [Fact]
    public void Status_codes_are_exactly_those_of_LIFECYCLE()
    {
        var text = File.ReadAllText(Path.Combine(TestData.ItopContract, "LIFECYCLE.md"));
        var section = text[text.IndexOf("## 1. States", StringComparison.Ordinal)..text.IndexOf("## 2.", StringComparison.Ordinal)];
        var codes = Regex.Matches(section, @"^\| `([a-z_]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(codes, Enum.GetValues<TicketStatus>().Select(s => s.ToCode()));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_state_and_stimulus(TicketStatus status, TicketStimulus stimulus)
    {
        var ticket = Fixtures.TicketIn(status);
        var documented = Documented.Value.FirstOrDefault(t => t.From == status.ToCode() && t.Stimulus == stimulus.ToCode());
        Func<TicketTransition> act = () => Apply(ticket, stimulus);

        if (stimulus.IsInternal())
        {
            // The bot never fires iTop's internal stimuli; the table still knows them (asserted above).
            var ex = Assert.Throws<TicketRuleException>(() => act());
            Assert.Equal(TicketRuleCode.InternalStimulus, ex.Code);
        }
        else if (status == TicketStatus.Closed)
        {
            var ex = Assert.Throws<TicketRuleException>(() => act());
            Assert.Equal(TicketRuleCode.TicketClosed, ex.Code);
            Assert.Equal("Ce ticket est fermé : plus aucune action n'est possible.", ex.ReasonFr);
            Assert.Equal("This ticket is closed: no further action is possible.", ex.ReasonEn);
        }
        else if (documented == default)
        {
            var ex = Assert.Throws<TicketRuleException>(() => act());
            Assert.Equal(TicketRuleCode.TransitionNotAllowed, ex.Code);
            Assert.Contains(TicketTexts.StatusLabel(status, TicketTexts.French), ex.ReasonFr, StringComparison.Ordinal);
            Assert.Contains(TicketTexts.StimulusLabel(stimulus, TicketTexts.English), ex.ReasonEn, StringComparison.Ordinal);
            Assert.False(ticket.Allows(stimulus));
        }
        else
        {
            var transition = act();
            Assert.Equal(documented.To, transition.To.ToCode());
            Assert.Equal(stimulus, transition.Stimulus);
            Assert.Equal(status, transition.From);
            Assert.Equal(transition.To, ticket.Apply(transition).Status);
        }
    }

    [Fact]
    public void Illegal_move_reason_is_readable_in_both_languages()
    {
        var ex = Assert.Throws<TicketRuleException>(() => Fixtures.TicketIn(TicketStatus.Pending).Resolve("fait", Fixtures.Catalog));
        Assert.Equal("Impossible de résoudre ce ticket : il est à l'état « En attente ».", ex.ReasonFr);
        Assert.Equal("Cannot resolve this ticket while its status is “Pending”.", ex.ReasonEn);
        Assert.Equal(ex.ReasonFr, ex.Message);
    }

    private static TicketTransition Apply(Ticket t, TicketStimulus stimulus) => stimulus switch
    {
        TicketStimulus.Assign => t.Assign(Fixtures.IntervenantsMoodle, Fixtures.HamidLeFleurier),
        TicketStimulus.Reassign => t.Reassign(Fixtures.IntervenantsMoodle, Fixtures.HuguesLeMoane),
        TicketStimulus.Pending => t.SetPending("En attente du numéro d'étudiant"),
        TicketStimulus.Resolve => t.Resolve("Droit accordé.", Fixtures.Catalog),
        TicketStimulus.Close => t.Close(),
        TicketStimulus.Reopen => t.Reopen(),
        TicketStimulus.WaitForApproval => t.RequestApproval(Fixtures.JeanDupontPerson),
        TicketStimulus.Approve => t.Approve(),
        TicketStimulus.Reject => t.Reject("Hors périmètre"),
        _ => throw new TicketRuleException(TicketRuleCode.InternalStimulus, stimulus),
    };

    private static HashSet<(string, string, string)> ParseLifecycle()
    {
        var text = File.ReadAllText(Path.Combine(TestData.ItopContract, "LIFECYCLE.md"));
        var section = text[text.IndexOf("## 3. Transitions", StringComparison.Ordinal)..text.IndexOf("## 4.", StringComparison.Ordinal)];
        var set = new HashSet<(string, string, string)>();
        foreach (Match m in Regex.Matches(section, @"^\| ([a-z_]+) \| (ev_[a-z_ /]+) \| ([a-z_]+) \|", RegexOptions.Multiline))
        {
            foreach (var ev in m.Groups[2].Value.Split('/', StringSplitOptions.TrimEntries))
            {
                set.Add((m.Groups[1].Value, ev, m.Groups[3].Value));
            }
        }

        return set;
    }
}
