using ChatOpsBot.Hosting;
using Microsoft.AspNetCore.Connections;

try
{
    var app = await ChatOpsBotApp.BuildAsync(args);
    await app.RunAsync();
    return 0;
}
catch (ListenAddressInUseException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
catch (IOException ex) when (ex.InnerException is AddressInUseException)
{
    // Taken between the check and Kestrel's bind.
    await Console.Error.WriteLineAsync("ChatOpsBot cannot start: " + ex.Message);
    return 1;
}

/// <summary>Entry point marker for WebApplicationFactory and the benchmarks.</summary>
public partial class Program;
