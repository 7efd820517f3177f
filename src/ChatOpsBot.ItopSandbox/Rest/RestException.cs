namespace ChatOpsBot.ItopSandbox.Rest;

/// <summary>An iTop REST failure: <see cref="Code"/> is RestResult's code, the message is iTop's text verbatim.</summary>
public sealed class RestException : Exception
{
    public RestException(int code, string message, bool withObjects = false)
        : base(message)
    {
        Code = code;
        WithObjects = withObjects;
    }

    public RestException()
    {
    }

    public RestException(string message)
        : base(message)
    {
        Code = RestCodes.InternalError;
    }

    public RestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = RestCodes.InternalError;
    }

    public int Code { get; }

    /// <summary>iTop failed after starting the result: the reply also carries <c>"objects": null</c> (053, 106, 154, 163).</summary>
    public bool WithObjects { get; }
}
