global using Xunit;
global using ChatOpsBot.Testing;
global using ChatOpsBot.Bot.Testing;
