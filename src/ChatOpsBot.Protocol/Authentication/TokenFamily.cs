namespace ChatOpsBot.Protocol.Authentication;

/// <summary>Who issued an inbound token.</summary>
internal enum TokenFamily
{
    None,
    BotFramework,
    Entra,
}
