using Microsoft.Extensions.Logging;

namespace ChatOpsBot.ItopSandbox;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "iTop sandbox: {Login} calls {Operation}")]
    public static partial void Operation(ILogger logger, string login, string operation);

    [LoggerMessage(2, LogLevel.Information, "iTop sandbox listening on {Address} (database: {Database})")]
    public static partial void Started(ILogger logger, Uri address, string database);
}
