namespace ChatOpsBot.Protocol.MessageExtensions;

/// <summary>The invoke names of a message extension that the protocol layer knows how to read and answer.</summary>
public static class MessageExtensionInvokes
{
    /// <summary>A search command typed in the compose box or the command box.</summary>
    public const string Query = "composeExtension/query";

    /// <summary>A link of a domain in the manifest's <c>messageHandlers</c>, pasted in the compose box.</summary>
    public const string QueryLink = "composeExtension/queryLink";

    /// <summary>Same, from someone who has not installed the app (zero-install link unfurling).</summary>
    public const string AnonymousQueryLink = "composeExtension/anonymousQueryLink";
}
