using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>Builds JWTs by hand so that tests control every header and claim (including broken ones).</summary>
public static class TokenMinter
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>Pass as kid to <see cref="Sign"/> to omit the kid header.</summary>
    public const string NoKid = "\0no-kid";

    /// <summary>Claims of a Bot Framework channel token valid from <paramref name="notBefore"/> for <paramref name="lifetime"/>.</summary>
    public static JsonObject BotFrameworkClaims(string audience, string serviceUrl, DateTimeOffset notBefore, TimeSpan lifetime, string issuer = BotFrameworkIssuer) =>
        new()
        {
            ["serviceurl"] = serviceUrl,
            ["nbf"] = notBefore.ToUnixTimeSeconds(),
            ["exp"] = (notBefore + lifetime).ToUnixTimeSeconds(),
            ["iss"] = issuer,
            ["aud"] = audience,
        };

    /// <summary>
    /// An RSA-signed token: RS256/RS384/RS512 (PKCS#1) or PS256/PS384/PS512 (PSS). <paramref name="kid"/> defaults to the
    /// key's; pass <see cref="NoKid"/> to leave it out of the header.
    /// </summary>
    public static string Sign(TestSigningKey key, JsonObject claims, string alg = "RS256", string? kid = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(alg);
        var hash = alg[2..] switch
        {
            "384" => HashAlgorithmName.SHA384,
            "512" => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
        var padding = alg.StartsWith("PS", StringComparison.Ordinal) ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        var headerKid = kid == NoKid ? null : kid ?? key.Kid;
        var signingInput = SigningInput(Header(alg, headerKid), claims);
        var signature = key.Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), hash, padding);
        return signingInput + "." + Base64Url.Encode(signature);
    }

    /// <summary>An HS256 token whose HMAC secret is <paramref name="secret"/> (e.g. the RSA public key: alg confusion).</summary>
    public static string SignHmac(byte[] secret, JsonObject claims, string? kid)
    {
        var signingInput = SigningInput(Header("HS256", kid), claims);
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.Encode(signature);
    }

    /// <summary>An unsigned token (<c>alg: none</c>, empty signature).</summary>
    public static string Unsigned(JsonObject claims, string? kid) => SigningInput(Header("none", kid), claims) + ".";

    /// <summary>Flips one character of the signature part.</summary>
    public static string TamperSignature(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var dot = token.LastIndexOf('.');
        var sig = token[(dot + 1)..].ToCharArray();
        sig[sig.Length / 2] = sig[sig.Length / 2] == 'A' ? 'B' : 'A';
        return token[..(dot + 1)] + new string(sig);
    }

    private static JsonObject Header(string alg, string? kid)
    {
        var header = new JsonObject { ["alg"] = alg, ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        return header;
    }

    private static string SigningInput(JsonObject header, JsonObject claims) =>
        Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()));
}
