global using ChatOpsBot.Testing;
global using ChatOpsBot.Testing.Activities;
global using Xunit;
