namespace ChatOpsBot.Itop.Errors;

/// <summary>Code 100: the stimulus has no transition from the current state ("Invalid stimulus: …").</summary>
public sealed class ItopInvalidStimulusException : ItopInternalErrorException
{
    public ItopInvalidStimulusException()
    {
    }

    public ItopInvalidStimulusException(string message)
        : base(message)
    {
    }

    public ItopInvalidStimulusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ItopInvalidStimulusException(int code, string message)
        : base(code, message)
    {
    }
}
