using System.Buffers;
using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Server;

// SN Write and UnconfirmedWrite (IEC 62056-5-3 §9.5): one value per variable; an attribute is written with the SET
// checks, a method invoked with the value as its parameters (the ACTION checks). A WriteRequest too long for one
// APDU arrives in write-data-block-access blocks (ServiceProcessor.ShortNameWriteBlocks.cs).
internal sealed partial class ServiceProcessor
{
    private async ValueTask HandleShortNameWriteAsync(AssociationState association, ShortNameWriteApdu request, IBufferWriter<byte> response,
        bool unconfirmed, CancellationToken cancellationToken)
    {
        association.PendingRead = null;
        if (!unconfirmed && request.Variables is [{ Kind: VariableAccessKind.WriteDataBlockAccess } block])
        {
            await HandleWriteBlockAsync(association, block, request.Data, response, cancellationToken).ConfigureAwait(false);
            return;
        }
        association.PendingWrite = null;
        var tag = unconfirmed ? ApduTag.UnconfirmedWriteRequest : ApduTag.WriteRequest;
        if (request.Variables.Count != request.Data.Count)
        {
            RefuseShortName(response, tag, unconfirmed, ServiceErrorKind.Service, (byte)ServiceError.Other,
                $"{request.Variables.Count} variables with {request.Data.Count} values");
            return;
        }
        if (request.Variables.Count > 1 && !association.Allows(Conformance.MultipleReferences))
        {
            RefuseShortName(response, tag, unconfirmed, ServiceErrorKind.Service, (byte)ServiceError.ServiceUnsupported, "multiple references not negotiated");
            return;
        }
        var results = new WriteResult[request.Variables.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var result = await WriteVariableAsync(association, request.Variables[i], request.Data[i], cancellationToken).ConfigureAwait(false);
            results[i] = result == DataAccessResult.Success ? WriteResult.Success : WriteResult.FromError(result);
        }
        if (!unconfirmed)
        {
            new WriteResponse(results).Encode(response);
        }
    }

    private async ValueTask<DataAccessResult> WriteVariableAsync(AssociationState association, VariableAccessSpecification variable,
        ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        if (variable.Kind != VariableAccessKind.VariableName)
        {
            // Selective writes and write-data-block-access are not served.
            return DataAccessResult.OtherReason;
        }
        if (!TryResolveShortName(association, variable.VariableName, out var attribute, out var method, out var isMethod))
        {
            return DataAccessResult.ObjectUndefined;
        }
        if (isMethod)
        {
            var invoked = await InvokeMethodAsync(association, method, value, cancellationToken).ConfigureAwait(false);
            return (DataAccessResult)(byte)invoked;
        }
        return await WriteAsync(association, attribute, value, cancellationToken).ConfigureAwait(false);
    }
}
