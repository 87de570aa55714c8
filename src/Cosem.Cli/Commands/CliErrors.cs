using System.Globalization;
using Cosem.Sdk;
using Cosem.Sdk.Client;
using Cosem.Sdk.Transport;

namespace Cosem.Cli.Commands;

/// <summary>
/// Turns a meter or link failure into the one line <c>cosem read</c> prints: time-outs in seconds, HDLC failures
/// named as such, and a peer that answers with something other than DLMS (an HTTP server, say) recognised.
/// </summary>
internal static class CliErrors
{
    /// <summary>The error line (without "error: ") for <paramref name="exception"/> talking to <paramref name="endpoint"/>.</summary>
    public static string Describe(Exception exception, string endpoint, bool hdlc, double timeoutSeconds)
    {
        var transport = Find<CosemTransportException>(exception);
        if (Find<CosemTransportException>(exception, e => e.PeerText is not null) is { } foreign)
        {
            return $"the peer at {endpoint} does not speak DLMS (it answered '{foreign.PeerText}').";
        }
        var seconds = timeoutSeconds.ToString("0.###", CultureInfo.InvariantCulture) + (timeoutSeconds == 1 ? " second" : " seconds");
        if (exception is CosemTimeoutException || transport is { Kind: TransportErrorKind.Timeout })
        {
            // HDLC drops frames with a wrong HCS/FCS silently, so a garbled line shows up as silence.
            return hdlc
                ? $"HDLC error: no valid answer from {endpoint} within {seconds} (frames with a wrong checksum are dropped)."
                : $"the meter at {endpoint} did not answer within {seconds}.";
        }
        if (hdlc && transport is { Kind: TransportErrorKind.InvalidFrame or TransportErrorKind.FrameRejected or TransportErrorKind.ProtocolViolation
            or TransportErrorKind.FrameTooLarge or TransportErrorKind.Disconnected or TransportErrorKind.Refused })
        {
            return $"HDLC error from {endpoint}: {transport.Message}";
        }
        if (transport is { Kind: TransportErrorKind.OpeningFailed } || Find<System.Net.Sockets.SocketException>(exception) is not null)
        {
            return $"cannot connect to {endpoint}: {(Find<System.Net.Sockets.SocketException>(exception)?.Message ?? exception.Message)}";
        }
        return exception.Message;
    }

    private static T? Find<T>(Exception? exception, Func<T, bool>? match = null)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found && (match is null || match(found)))
            {
                return found;
            }
        }
        return null;
    }
}
