using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Transport.Wrapper;

/// <summary>Settings of a wrapper channel (TCP or UDP).</summary>
public sealed class WrapperOptions
{
    /// <summary>Client SAP (the client's wPort), e.g. 16 for the public client. Used as source when sending.</summary>
    public ushort ClientWPort { get; init; } = 16;

    /// <summary>Server SAP (logical device address), 1 for the management logical device.</summary>
    public ushort ServerWPort { get; init; } = 1;

    /// <summary>Frames announcing more APDU bytes than this are refused (the connection is ended).</summary>
    public int MaxApduLength { get; init; } = WrapperFrame.MaxApduLength;

    /// <summary>Receives a frame trace at Trace level and drop reasons at Debug level.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
