global using Xunit;
global using ChatOpsBot.Testing;
