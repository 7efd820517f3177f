namespace ChatOpsBot.Protocol.Hosting;

/// <summary>An invoke answer kept in the dedupe window (body as raw JSON).</summary>
internal sealed record StoredInvokeResponse(int Status, string? Body);
