using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Manifest;

/// <summary>The values that fill the manifest placeholders, read from arguments, environment and a settings file.</summary>
internal sealed partial record PackageSettings(
    string BotId,
    string AppId,
    string BotHost,
    string ItopHost,
    string Version,
    string WebsiteUrl,
    string PrivacyUrl,
    string TermsUrl)
{
    public const string DefaultVersion = "1.0.0";
    public const string DefaultWebsiteUrl = "https://www.groupe-insa.fr/";

    /// <summary>Configuration keys (the host's own key for the bot id), in their JSON/colon form.</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bot-id"] = "Bot:MicrosoftAppId",
        ["app-id"] = "TeamsApp:AppId",
        ["host"] = "TeamsApp:BotHost",
        ["itop-host"] = "TeamsApp:ItopHost",
        ["version"] = "TeamsApp:Version",
        ["website-url"] = "TeamsApp:WebsiteUrl",
        ["privacy-url"] = "TeamsApp:PrivacyUrl",
        ["terms-url"] = "TeamsApp:TermsUrl",
    };

    /// <summary>The placeholder name → value map applied to manifest.json and the localization files.</summary>
    public IReadOnlyDictionary<string, string> Placeholders => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["BOT_ID"] = BotId,
        ["APP_ID"] = AppId,
        ["BOT_HOST"] = BotHost,
        ["ITOP_HOST"] = ItopHost,
        ["APP_VERSION"] = Version,
        ["WEBSITE_URL"] = WebsiteUrl,
        ["PRIVACY_URL"] = PrivacyUrl,
        ["TERMS_URL"] = TermsUrl,
    };

    /// <summary>
    /// Resolves each value from, in order: <paramref name="options"/> (command-line <c>--bot-id</c> …),
    /// the environment (<c>Bot__MicrosoftAppId</c>, <c>TeamsApp__BotHost</c> …), then a JSON settings file.
    /// </summary>
    public static PackageSettings Resolve(
        IReadOnlyDictionary<string, string> options,
        Func<string, string?> environment,
        string? settingsFile)
    {
        var file = settingsFile is null ? new Dictionary<string, string>() : ReadSettingsFile(settingsFile);

        string? Get(string option)
        {
            var key = Keys[option];
            if (options.TryGetValue(option, out var fromArgs) && fromArgs.Length > 0)
            {
                return fromArgs;
            }

            var fromEnv = environment(key.Replace(":", "__", StringComparison.Ordinal));
            if (!string.IsNullOrWhiteSpace(fromEnv))
            {
                return fromEnv.Trim();
            }

            return file.TryGetValue(key, out var fromFile) && fromFile.Length > 0 ? fromFile : null;
        }

        var botId = Get("bot-id") ?? string.Empty;
        var website = Get("website-url") ?? DefaultWebsiteUrl;
        return new PackageSettings(
            botId,
            Get("app-id") ?? botId,
            Get("host") ?? string.Empty,
            Get("itop-host") ?? string.Empty,
            Get("version") ?? DefaultVersion,
            website,
            Get("privacy-url") ?? website,
            Get("terms-url") ?? website);
    }

    /// <summary>Every problem with these values; empty when they can fill a manifest.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Guid.TryParseExact(BotId, "D", out _))
        {
            errors.Add($"bot id ({Keys["bot-id"]}, --bot-id) must be a GUID, got '{BotId}'");
        }

        if (!Guid.TryParseExact(AppId, "D", out _))
        {
            errors.Add($"app id ({Keys["app-id"]}, --app-id) must be a GUID, got '{AppId}'");
        }

        if (!HostName().IsMatch(BotHost))
        {
            errors.Add($"bot host ({Keys["host"]}, --host) must be a bare DNS name such as chatopsbot.example.org, got '{BotHost}'");
        }

        if (!HostName().IsMatch(ItopHost))
        {
            errors.Add($"iTop host ({Keys["itop-host"]}, --itop-host) must be the bare DNS name of the iTop people open tickets in, such as itop.example.org (its ticket links unfurl into cards), got '{ItopHost}'");
        }

        if (!SemanticVersion().IsMatch(Version))
        {
            errors.Add($"version ({Keys["version"]}, --version) must be MAJOR.MINOR.PATCH, got '{Version}'");
        }

        foreach (var (name, url) in new[] { ("website-url", WebsiteUrl), ("privacy-url", PrivacyUrl), ("terms-url", TermsUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add($"--{name} must be an absolute https URL, got '{url}'");
            }
        }

        return errors;
    }

    private static Dictionary<string, string> ReadSettingsFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Flatten(document.RootElement, prefix: null, values);
        return values;
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string> values)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, prefix is null ? property.Name : prefix + ":" + property.Name, values);
            }
        }
        else if (element.ValueKind == JsonValueKind.String && prefix is not null)
        {
            values[prefix] = element.GetString() ?? string.Empty;
        }
    }

    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemanticVersion();
}
