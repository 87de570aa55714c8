using System.Net;

namespace Cosem.Sdk.Transport;

/// <summary>
/// Moves whole APDUs between a client and a server, whatever the framing underneath (wrapper, HDLC).
/// Sessions are written against this interface only.
/// </summary>
/// <remarks>
/// A channel carries one conversation: it is not safe for overlapping calls of the same kind, and HDLC links,
/// being half-duplex, accept only one call at a time (sessions serialise requests anyway). Failures surface as
/// <see cref="CosemTransportException"/>; cancellation as <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IApduChannel : IAsyncDisposable
{
    /// <summary>Sends one APDU, segmenting it as the link requires. The bytes may be reused once this completes.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for the next whole APDU. The caller owns the returned <see cref="ApduMessage"/> and must dispose it.
    /// </summary>
    ValueTask<ApduMessage> ReceiveAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The peer's address when the transport knows one (a TCP connection, a UDP peer); null for pipes, serial lines
    /// and in-memory channels. A server keys its per-address limits and log rate limiting on it.
    /// </summary>
    EndPoint? RemoteEndPoint => null;
}
