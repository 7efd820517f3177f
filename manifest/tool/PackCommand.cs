namespace ChatOpsBot.Manifest;

/// <summary>Command line of <c>dotnet run manifest/pack.cs</c>.</summary>
internal static class PackCommand
{
    private const string Usage = """
        Usage:
          dotnet run manifest/pack.cs -- [--bot-id GUID] [--host NAME] [--itop-host NAME] [--app-id GUID] [--version X.Y.Z]
                                         [--website-url URL] [--privacy-url URL] [--terms-url URL]
                                         [--settings FILE.json] [--out FILE.zip]
          dotnet run manifest/pack.cs -- icons      (regenerates color.png and outline.png)

        Each value comes from the option, else the environment (Bot__MicrosoftAppId, TeamsApp__BotHost,
        TeamsApp__ItopHost, TeamsApp__AppId, TeamsApp__Version, TeamsApp__WebsiteUrl, TeamsApp__PrivacyUrl, TeamsApp__TermsUrl),
        else the --settings JSON file (same keys, e.g. {"Bot":{"MicrosoftAppId":"…"}}).
        --app-id defaults to the bot id, --version to 1.0.0, the three URLs to https://www.groupe-insa.fr/.
        --out defaults to artifacts/teams/chatopsbot-teams-VERSION.zip beside manifest/.
        """;

    public static int Run(string[] args, string manifestDirectory, TextWriter output, TextWriter error)
    {
        if (args is ["icons"])
        {
            File.WriteAllBytes(Path.Combine(manifestDirectory, "color.png"), IconArt.ColorPng());
            File.WriteAllBytes(Path.Combine(manifestDirectory, "outline.png"), IconArt.OutlinePng());
            output.WriteLine($"Wrote color.png and outline.png in {manifestDirectory}");
            return 0;
        }

        if (!TryParse(args, out var options, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return 2;
        }

        var settings = PackageSettings.Resolve(
            options,
            Environment.GetEnvironmentVariable,
            options.TryGetValue("settings", out var settingsFile) ? settingsFile : null);
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            foreach (var message in errors)
            {
                error.WriteLine("error: " + message);
            }

            error.WriteLine(Usage);
            return 1;
        }

        var target = options.TryGetValue("out", out var outPath)
            ? Path.GetFullPath(outPath)
            : Path.GetFullPath(Path.Combine(manifestDirectory, "..", "artifacts", "teams", $"chatopsbot-teams-{settings.Version}.zip"));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using (var file = File.Create(target))
        {
            AppPackage.Write(manifestDirectory, settings, file);
        }

        output.WriteLine($"Wrote {target} (app {settings.AppId}, bot {settings.BotId}, host {settings.BotHost}, version {settings.Version})");
        return 0;
    }

    private static bool TryParse(string[] args, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (name is null || !(PackageSettings.Keys.ContainsKey(name) || name is "settings" or "out"))
            {
                problem = $"Unknown argument '{args[i]}'.";
                return false;
            }

            if (i + 1 >= args.Length)
            {
                problem = $"Missing value after '{args[i]}'.";
                return false;
            }

            options[name] = args[++i];
        }

        return true;
    }
}
