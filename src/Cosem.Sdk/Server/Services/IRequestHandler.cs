namespace Cosem.Sdk.Server;

/// <summary>
/// One stage of serving an xDLMS request of an established association: the service processor at the core, message
/// protection around it. A stage writes its answer (or nothing, for an unconfirmed request) to the response.
/// </summary>
internal interface IRequestHandler
{
    ValueTask HandleAsync(AssociationState association, ReadOnlyMemory<byte> apdu, System.Buffers.IBufferWriter<byte> response, CancellationToken cancellationToken);
}
