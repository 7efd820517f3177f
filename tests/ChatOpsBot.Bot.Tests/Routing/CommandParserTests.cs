using ChatOpsBot.Bot.Commands;
using ChatOpsBot.Bot.Routing;

namespace ChatOpsBot.Bot.Tests.Routing;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("/ticket", CommandKind.OpenTicket, "")]
    [InlineData("ticket", CommandKind.OpenTicket, "")]
    [InlineData("/ticket droits Moodle pour Jean", CommandKind.OpenTicket, "droits Moodle pour Jean")]
    [InlineData("/ticket R-000123", CommandKind.ShowTicket, "R-000123")]
    [InlineData("/ticket 123", CommandKind.ShowTicket, "123")]
    [InlineData("/tickets", CommandKind.MyTickets, "")]
    [InlineData("/tickets équipe", CommandKind.TeamTickets, "")]
    [InlineData("aide", CommandKind.Help, "")]
    [InlineData("help", CommandKind.Help, "")]
    public void Parses_the_commands(string text, CommandKind kind, string argument)
    {
        var command = CommandParser.Parse(text);
        Assert.Equal(kind, command.Kind);
        Assert.Equal(argument, command.Argument);
        Assert.False(command.UnknownInput);
    }

    [Theory]
    [InlineData("bonjour")]
    [InlineData("")]
    [InlineData("   ")]
    public void Unknown_input_is_help(string text)
    {
        var command = CommandParser.Parse(text);
        Assert.Equal(CommandKind.Help, command.Kind);
        Assert.True(command.UnknownInput);
    }

    [Theory]
    [InlineData("123", "123")]
    [InlineData("R-123", "R-000123")]
    [InlineData("r-000123", "R-000123")]
    [InlineData("R000042", "R-000042")]
    public void Ticket_references_are_normalised(string argument, string expected) =>
        Assert.Equal(expected, CommandHandler.NormalizeRef(argument));
}
