namespace ChatOpsBot.Itop.Errors;

/// <summary>Maps a non-zero envelope code and message to the typed exception (README "Error codes observed").</summary>
public static class ItopErrors
{
    public static ItopException FromEnvelope(int code, string? message)
    {
        var text = message ?? "";
        return code switch
        {
            1 => new ItopUnauthorizedException(code, text),
            100 when text.StartsWith("Invalid stimulus:", StringComparison.Ordinal) => new ItopInvalidStimulusException(code, text),
            100 when text.StartsWith("Missing mandatory attribute(s)", StringComparison.Ordinal) => new ItopMissingAttributesException(code, text),
            100 when text.Contains("Invalid object ", StringComparison.Ordinal) || text.Contains("No item found", StringComparison.Ordinal)
                => new ItopObjectNotFoundException(code, text),
            100 => new ItopInternalErrorException(code, text),
            _ => new ItopBadRequestException(code, text),
        };
    }
}
