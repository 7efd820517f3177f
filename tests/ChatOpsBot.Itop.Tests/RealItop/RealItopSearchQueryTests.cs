using ChatOpsBot.Testing.RealItop;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatOpsBot.Itop.Tests.RealItop;

/// <summary>
/// The message extension's searches against the real iTop, after a reset: iTop accepts the OQL (LIKE on the requester's
/// friendly name, accents ignored, the visibility OR-group) and answers each with one query.
/// </summary>
[Collection(RealItopCollection.Name)]
public sealed class RealItopSearchQueryTests
{
    [RealItopFact(ResetsItop = true)]
    public async Task Each_search_criterion_and_the_visibility_of_a_person_are_one_itop_query()
    {
        await RealItopInstance.ResetAsync();
        var counter = new RequestCounter();
        await using var sp = DeskFactory.Build(RealItopInstance.Url, settings: RealItopInstance.Settings,
            extra: s => s.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => counter)));

        await TicketSearchQueries.RunAsync(sp.GetRequiredService<ITicketDesk>(), counter);
    }
}
