using Microsoft.Extensions.Options;

namespace ChatOpsBot.Itop;

/// <summary>Checks what DataAnnotations cannot: an absolute http(s) BaseUrl and one complete credential.</summary>
internal sealed class ItopOptionsValidator : IValidateOptions<ItopOptions>
{
    public ValidateOptionsResult Validate(string? name, ItopOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Itop:BaseUrl must be an absolute http(s) URL.");
        }

        if (string.IsNullOrEmpty(options.Token) && (string.IsNullOrEmpty(options.User) || options.Password is null))
        {
            failures.Add("Set Itop:Token, or Itop:User and Itop:Password.");
        }

        if (options.Version is not ("1.0" or "1.1" or "1.2" or "1.3" or "1.4"))
        {
            failures.Add("Itop:Version must be 1.0 to 1.4.");
        }

        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            failures.Add("Itop:TimeZone is not a known time zone.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
