using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Client;

// SN Read (IEC 62056-5-3 §9.5): by name, parameterized (SN's selective access and method calls with a result),
// with-list, and long results that come as data-block-result, fetched with block-number-access.
public sealed partial class CosemClient
{
    // A long Read result is held whole before it is decoded: past this a meter that never sends its last block is
    // refused instead of filling memory (the LN path is bounded by the meter's PDU count the same way).
    private const int MaxShortNameReadBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Sends one ReadRequest for <paramref name="variables"/> (IEC 62056-5-3 §9.5: variable-name, parameterized-access
    /// …) and returns one result per variable, in order: the encoded Data or the data-access-error. A result that
    /// came in blocks is reassembled. More than one variable needs multiple references; parameterized access needs
    /// its conformance bit.
    /// </summary>
    public async ValueTask<IReadOnlyList<ReadResult>> ReadAsync(IReadOnlyList<VariableAccessSpecification> variables,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentOutOfRangeException.ThrowIfZero(variables.Count, nameof(variables));
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadCoreAsync(variables, "the variables", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>GET through SN: a Read of the attribute's short name, parameterized when selective access is asked.</summary>
    private async ValueTask<T> ShortNameGetAsync<T>(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor? access, AxdrDecoder<T> decode,
        CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var variable = Variable(attribute, access);
            return await ReadOneAsync(variable, attribute, decode, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads one value outside any caller's gate (the object list after associating).</summary>
    private async ValueTask<T> ReadValueAsync<T>(VariableAccessSpecification variable, object what, AxdrDecoder<T> decode, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadOneAsync(variable, what, decode, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<T> ReadOneAsync<T>(VariableAccessSpecification variable, object what, AxdrDecoder<T> decode, CancellationToken cancellationToken)
    {
        var result = (await ReadCoreAsync([variable], what, cancellationToken).ConfigureAwait(false))[0];
        if (result.Kind != ReadResultKind.Data)
        {
            throw new CosemServiceException(result.Error, $"Reading {what} failed: data-access-result {result.Error}.");
        }
        return DecodeValue(result.Data.Span, decode, what);
    }

    /// <summary>GET with-list through SN: ReadRequests of as many variables as <see cref="AssociationOptions.MaxAttributesPerRequest"/> allows.</summary>
    private async ValueTask<IReadOnlyList<CosemGetResult>> ShortNameGetManyAsync(IReadOnlyList<CosemAttributeDescriptorWithSelection> attributes,
        CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var results = new CosemGetResult[attributes.Count];
            var batch = Granted(Conformance.MultipleReferences) ? Options.MaxAttributesPerRequest : 1;
            for (var start = 0; start < attributes.Count; start += batch)
            {
                var count = Math.Min(batch, attributes.Count - start);
                var variables = new VariableAccessSpecification[count];
                var undefined = new bool[count];
                for (var i = 0; i < count; i++)
                {
                    var item = attributes[start + i];
                    try
                    {
                        variables[i] = Variable(item.Descriptor, item.AccessSelection);
                    }
                    catch (CosemServiceException ex) when (ex.DataAccessResult is { } refused)
                    {
                        // Not in the object list: that attribute is refused, the others are still read.
                        results[start + i] = new CosemGetResult(item.Descriptor, refused, []);
                        undefined[i] = true;
                    }
                }
                var asked = variables.Where((_, i) => !undefined[i]).ToArray();
                var answers = asked.Length == 0 ? [] : await ReadCoreAsync(asked, "a list of attributes", cancellationToken).ConfigureAwait(false);
                for (int i = 0, next = 0; i < count; i++)
                {
                    if (undefined[i])
                    {
                        continue;
                    }
                    var answer = answers[next++];
                    results[start + i] = answer.Kind == ReadResultKind.Data
                        ? new CosemGetResult(attributes[start + i].Descriptor, DataAccessResult.Success, answer.Data.ToArray())
                        : new CosemGetResult(attributes[start + i].Descriptor, answer.Error, []);
                }
            }
            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    private VariableAccessSpecification Variable(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor? access)
    {
        var name = ShortNameOf(attribute);
        return access is { } selective
            ? VariableAccessSpecification.Parameterized(name, selective.Selector, selective.Parameters)
            : VariableAccessSpecification.ByName(name);
    }

    /// <summary>
    /// One ReadRequest and its answer, inside the gate. Results are copies that outlive the message; a long result
    /// (data-block-result) is fetched block by block, acknowledging each with block-number-access.
    /// </summary>
    private async ValueTask<ReadResult[]> ReadCoreAsync(IReadOnlyList<VariableAccessSpecification> variables, object what, CancellationToken cancellationToken)
    {
        Require(Conformance.Read, "a Read request");
        var parameterized = false;
        foreach (var variable in variables)
        {
            parameterized |= variable.Kind == VariableAccessKind.ParameterizedAccess;
        }
        if (parameterized)
        {
            Require(Conformance.ParameterizedAccess, "a Read with parameterized access");
        }
        if (variables.Count > 1)
        {
            Require(Conformance.MultipleReferences, "a Read of several variables");
        }
        _request.ResetWrittenCount();
        new ReadRequest(variables).Encode(_request);
        EnsureFits(_request.WrittenCount, "The Read request");
        using var answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.ReadResponse, AnyInvokeId, protect: true, cancellationToken).ConfigureAwait(false);
        var response = Decode<ReadResponse>(answer.Memory, ApduTag.ReadResponse);
        if (response.Results is [{ Kind: ReadResultKind.DataBlockResult } first])
        {
            await ReceiveReadBlocksAsync(first, what, cancellationToken).ConfigureAwait(false);
            return variables.Count == 1 ? [ReadResult.FromData(BlockBuffer.WrittenSpan.ToArray())] : DecodeBlockList(variables.Count, what);
        }
        return CopyResults(response.Results, variables.Count, what);
    }

    private static ReadResult[] CopyResults(IReadOnlyList<ReadResult> results, int expected, object what)
    {
        if (results.Count != expected)
        {
            throw new CosemProtocolException($"Reading {what}: the meter answered {results.Count} results for {expected} variables.");
        }
        var copies = new ReadResult[expected];
        for (var i = 0; i < expected; i++)
        {
            copies[i] = results[i].Kind switch
            {
                ReadResultKind.Data => ReadResult.FromData(results[i].Data.ToArray()),
                ReadResultKind.DataAccessError => results[i],
                var kind => throw new CosemProtocolException($"Reading {what}: the meter answered variable {i + 1} with {kind} inside a list."),
            };
        }
        return copies;
    }

    /// <summary>A with-list answer that came in blocks: the blocks join into the SEQUENCE OF Read-Result.</summary>
    private ReadResult[] DecodeBlockList(int expected, object what)
    {
        var apdu = new byte[BlockBuffer.WrittenCount + 1];
        apdu[0] = (byte)ApduTag.ReadResponse;
        BlockBuffer.WrittenSpan.CopyTo(apdu.AsSpan(1));
        return CopyResults(Decode<ReadResponse>(apdu, ApduTag.ReadResponse).Results, expected, what);
    }

    private async ValueTask ReceiveReadBlocksAsync(ReadResult first, object what, CancellationToken cancellationToken)
    {
        if (first.BlockNumber != 1)
        {
            throw new CosemProtocolException($"Reading {what}: the meter's first block is numbered {first.BlockNumber}.");
        }
        BlockBuffer.ResetWrittenCount();
        BlockBuffer.Write(first.Data.Span);
        var last = first.LastBlock;
        for (var received = (ushort)1; !last; received++)
        {
            _request.ResetWrittenCount();
            new ReadRequest([VariableAccessSpecification.BlockNumberAccess(received)]).Encode(_request);
            using var answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.ReadResponse, AnyInvokeId, protect: true, cancellationToken).ConfigureAwait(false);
            var block = Decode<ReadResponse>(answer.Memory, ApduTag.ReadResponse).Results switch
            {
                [{ Kind: ReadResultKind.DataBlockResult } next] => next,
                [{ Kind: ReadResultKind.DataAccessError } refused] =>
                    throw new CosemServiceException(refused.Error, $"Reading {what} failed after block {received}: data-access-result {refused.Error}."),
                _ => throw new CosemProtocolException($"Reading {what}: the meter left a block transfer without sending its last block."),
            };
            if (block.BlockNumber != received + 1)
            {
                throw new CosemProtocolException($"Reading {what}: the meter sent block {block.BlockNumber} where block {received + 1} was expected.");
            }
            if (BlockBuffer.WrittenCount + block.Data.Length > MaxShortNameReadBytes)
            {
                throw new CosemProtocolException($"Reading {what}: the answer exceeds {MaxShortNameReadBytes} bytes.");
            }
            BlockBuffer.Write(block.Data.Span);
            last = block.LastBlock;
            if (received == ushort.MaxValue - 1 && !last)
            {
                throw new CosemProtocolException($"Reading {what}: the meter ran out of block numbers.");
            }
        }
    }
}
