using ChatOpsBot.State.Internal;
using Xunit;

namespace ChatOpsBot.State.Tests.Internal;

public sealed class KeyRangeTests
{
    [Theory]
    [InlineData("a", "b")]
    [InlineData("sub:", "sub;")]
    [InlineData("x\U0001F393", "x\U0001F394")]
    [InlineData("a\U0010FFFF", "b")]
    [InlineData("a\U0010FFFF\U0010FFFF", "b")]
    [InlineData("\uD7FF", "\uE000")]
    [InlineData("z\uFFFF", "z\U00010000")]
    public void The_upper_bound_is_the_next_string_after_every_key_with_the_prefix(string prefix, string expected)
    {
        Assert.Equal(expected, KeyRange.UpperBound(prefix));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\U0010FFFF")]
    public void A_prefix_with_no_successor_is_unbounded(string prefix)
    {
        Assert.Null(KeyRange.UpperBound(prefix));
    }
}
