
namespace ChatOpsBot.Bot.Tests.Infrastructure;

/// <summary>Reads a search of seven results as Teams pages it (count 3: skip 0, 3, 6, then 9 past the end).</summary>
internal static class SearchPages
{
    /// <summary>
    /// The refs of every page in order (each page must have cost exactly one iTop query), and the iTop calls of the
    /// first search, which identifies the user.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Refs, IReadOnlyList<string> FirstCalls)> ReadSevenAsync(BotTestHost host, ItopCallCounter counter, TestUser user, string text)
    {
        MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Search(host, user, text, 0, 3)));
        var first = counter.Take();

        var seen = new List<string>();
        foreach (var (skip, expected) in new[] { (0, 3), (3, 3), (6, 1), (9, 0) })
        {
            var page = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Search(host, user, text, skip, 3)));
            Assert.Equal(expected, page.Attachments.Count);
            Assert.Equal(["core/get UserRequest"], counter.Take());
            seen.AddRange(page.Refs);
        }

        return (seen, first);
    }
}
