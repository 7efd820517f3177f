namespace ChatOpsBot.Manifest.Tests;

/// <summary>Package settings as a deployment would give them, resolved through the packer's own code.</summary>
internal static class Settings
{
    public const string BotId = "8a1f3c52-6b7d-4e90-a1b2-c3d4e5f60718";
    public const string Host = "chatopsbot-dev.azurewebsites.net";
    public const string ItopHost = "itop.groupe-insa.fr";

    public static PackageSettings Valid(Action<Dictionary<string, string>>? change = null)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["bot-id"] = BotId,
            ["host"] = Host,
            ["itop-host"] = ItopHost,
        };
        change?.Invoke(options);
        return PackageSettings.Resolve(options, _ => null, settingsFile: null);
    }
}
