using ChatOpsBot.Bot.Tests.Infrastructure;

namespace ChatOpsBot.Bot.Tests.MessageExtensions;

/// <summary>Reads a search of seven results as Teams pages it (count 3: skip 0, 3, 6, then 9 past the end).</summary>
internal static class SearchPages
{
    /// <summary>The refs of every page in order; each page must have cost exactly one iTop query.</summary>
    public static async Task<IReadOnlyList<string>> ReadSevenAsync(BotTestHost host, ItopCallCounter counter, TestUser user, string text)
    {
        // The first search identifies the user and warms the catalog and teams caches.
        MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Search(host, user, text, 0, 3)));
        counter.Take();

        var seen = new List<string>();
        foreach (var (skip, expected) in new[] { (0, 3), (3, 3), (6, 1), (9, 0) })
        {
            var page = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Search(host, user, text, skip, 3)));
            Assert.Equal(expected, page.Attachments.Count);
            Assert.Equal(["core/get UserRequest"], counter.Take());
            seen.AddRange(page.Refs);
        }

        return seen;
    }
}
