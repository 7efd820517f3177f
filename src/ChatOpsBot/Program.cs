using ChatOpsBot.Hosting;

var app = await ChatOpsBotApp.BuildAsync(args);
await app.RunAsync();

/// <summary>Entry point marker for WebApplicationFactory and the benchmarks.</summary>
public partial class Program;
