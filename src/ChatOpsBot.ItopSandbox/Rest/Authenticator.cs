using System.Text;
using ChatOpsBot.ItopSandbox.Storage;

namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>Login modes of the recorded instance: form (POST body only), HTTP Basic, application token (header or auth_token).</summary>
internal static class Authenticator
{
    private const string RestProfile = "REST Services User";

    public static SandboxUser Authenticate(RestRequest request, SandboxStore store)
    {
        var user = FindUser(request, store) ?? throw new RestException(RestCodes.Unauthorized, "Error: Invalid login");
        if (user.Profiles.Contains("Portal user", StringComparer.OrdinalIgnoreCase) && !user.Profiles.Contains(RestProfile, StringComparer.OrdinalIgnoreCase))
        {
            throw new RestException(RestCodes.Unauthorized, "Error: Portal user is not allowed");
        }

        if (!user.Profiles.Contains(RestProfile, StringComparer.OrdinalIgnoreCase))
        {
            throw new RestException(
                RestCodes.Unauthorized,
                "Error: This user is not authorized to use the web services. (The profile REST Services User is required to access the REST web services)");
        }

        return user;
    }

    private static SandboxUser? FindUser(RestRequest request, SandboxStore store)
    {
        var token = request.Headers["Auth-Token"].ToString();
        if (string.IsNullOrEmpty(token) && request.TryParameter("auth_token", out var t))
        {
            token = t ?? string.Empty;
        }

        if (!string.IsNullOrEmpty(token))
        {
            return store.Users.FirstOrDefault(u => u.Token is not null && string.Equals(u.Token, token, StringComparison.Ordinal));
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            }
            catch (FormatException)
            {
                return null;
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : Check(store, decoded[..colon], decoded[(colon + 1)..]);
        }

        if (request.TryForm("auth_user", out var login) && request.TryForm("auth_pwd", out var password) && login is not null && password is not null)
        {
            return Check(store, login, password);
        }

        return null;
    }

    private static SandboxUser? Check(SandboxStore store, string login, string password)
    {
        var user = store.FindUser(login);
        return user?.Password is not null && string.Equals(user.Password, password, StringComparison.Ordinal) ? user : null;
    }
}
