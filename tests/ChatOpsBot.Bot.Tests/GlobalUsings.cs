global using Xunit;
global using ChatOpsBot.Testing;
global using ChatOpsBot.Testing.Activities;
global using ChatOpsBot.Bot.Testing;
