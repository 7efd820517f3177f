using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>A test RSA signing key published in the loopback JWKS, with its Bot Framework endorsements.</summary>
public sealed class TestSigningKey : IDisposable
{
    public TestSigningKey(string kid, params string[] endorsements)
    {
        Kid = kid;
        Endorsements = endorsements;
        Rsa = RSA.Create(2048);
    }

    public string Kid { get; }

    /// <summary>Channel ids this key is endorsed for; empty array = published without an endorsements member.</summary>
    public IReadOnlyList<string> Endorsements { get; }

    public RSA Rsa { get; }

    /// <summary>The public key as a PEM string (used to forge HS256 tokens in the alg-confusion test).</summary>
    public string PublicKeyPem => Rsa.ExportSubjectPublicKeyInfoPem();

    public JsonObject ToJwk()
    {
        var p = Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64Url.Encode(p.Modulus!),
            ["e"] = Base64Url.Encode(p.Exponent!),
        };
        if (Endorsements.Count > 0)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)JsonValue.Create(e))]);
        }

        return jwk;
    }

    public void Dispose() => Rsa.Dispose();
}
