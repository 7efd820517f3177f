using Refit;

namespace ChatOpsBot.Itop.Rest;

/// <summary>
/// rest.php as iTop exposes it: one POST, form-encoded <c>json_data</c>, <c>version</c> in the query string.
/// Returns the raw body: the envelope is parsed by <see cref="ItopResponseParser"/> (HTTP is always 200).
/// </summary>
public interface IItopRestApi
{
    [Post("/webservices/rest.php")]
    Task<string> PostAsync(
        [AliasAs("version")][Query] string version,
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        [Property(ItopRequestKind.IsReadKey)] bool isRead,
        CancellationToken cancellationToken);
}
