using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Sdk.Server;

// APDUs the server sends without a request (an SN information report): they share the channel with the session's
// answers, so every send takes _sendLock. An HDLC secondary station speaks only when polled, so associations over
// HDLC get no unsolicited sender.
internal sealed partial class ServerSession
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    private void Track(AssociationState association)
    {
        association.AttachUnsolicitedSender(_channel is HdlcLink ? null : SendUnsolicitedAsync);
        _server.TrackAssociation(association);
    }

    private void ForgetAll()
    {
        foreach (var association in _associations.Values)
        {
            _server.ForgetAssociation(association);
        }
        _associations.Clear();
    }

    private async ValueTask SendUnsolicitedAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(apdu, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException ex)
        {
            throw new InvalidOperationException("The association's connection has closed.", ex);
        }
    }
}
