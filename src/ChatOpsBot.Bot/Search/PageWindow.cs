namespace ChatOpsBot.Bot.Search;

/// <summary>
/// Teams pages by <c>skip</c>/<c>count</c>; iTop by page number and size. The window is the one iTop page that holds
/// results <c>skip</c> to <c>skip + count - 1</c>, so a Teams page costs one iTop query: page size <c>count</c> when
/// <c>skip</c> is a multiple of it (always, in Teams), else the smallest larger size whose page covers them.
/// </summary>
public sealed record PageWindow(int Page, int Size, int Offset)
{
    public static PageWindow For(int skip, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        for (var size = count; ; size++)
        {
            var page = skip / size;
            if ((page + 1) * size >= skip + count)
            {
                return new PageWindow(page + 1, size, skip - (page * size));
            }
        }
    }
}
