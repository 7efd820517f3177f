namespace ChatOpsBot.Protocol.MessageExtensions;

/// <summary>The thumbnail card Teams lists for a result (<c>application/vnd.microsoft.card.thumbnail</c>): text only, no image.</summary>
public sealed record ThumbnailPreview(string Title, string? Subtitle = null, string? Text = null)
{
    public const string ContentType = "application/vnd.microsoft.card.thumbnail";
}
