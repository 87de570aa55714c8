using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Client;

// SN Write and UnconfirmedWrite (IEC 62056-5-3 §9.5), and ACTION over SN. A method is invoked at its short name
// (base name + the class's method offset): with a Read carrying the parameters as parameterized access (selector 0)
// when the caller wants its return parameters, with a Write of the parameters otherwise — the two forms the Green
// Book maps ACTION onto for SN referencing.
public sealed partial class CosemClient
{
    // parameterized-access selector of a method invocation through Read: the parameter is the method's own.
    private const byte MethodInvocationSelector = 0;

    /// <summary>
    /// Sends one WriteRequest (IEC 62056-5-3 §9.5) of <paramref name="data"/> (one encoded Data per variable) and
    /// returns one result per variable: success or the data-access-error. More than one variable needs multiple
    /// references.
    /// </summary>
    public async ValueTask<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<VariableAccessSpecification> variables,
        IReadOnlyList<ReadOnlyMemory<byte>> data, CancellationToken cancellationToken = default)
    {
        CheckWriteArguments(variables, data);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await WriteCoreAsync(variables, data, "the variables", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sends one UnconfirmedWriteRequest (IEC 62056-5-3 §9.5): the meter writes without answering, so nothing is
    /// waited for and a refusal goes unseen. Needs the unconfirmed-write conformance bit.
    /// </summary>
    public async ValueTask WriteUnconfirmedAsync(IReadOnlyList<VariableAccessSpecification> variables,
        IReadOnlyList<ReadOnlyMemory<byte>> data, CancellationToken cancellationToken = default)
    {
        CheckWriteArguments(variables, data);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Require(Conformance.UnconfirmedWrite, "an UnconfirmedWrite request");
            _request.ResetWrittenCount();
            new UnconfirmedWriteRequest(variables, data).Encode(_request);
            EnsureFits(_request.WrittenCount, "The UnconfirmedWrite request");
            await SendOnlyAsync(_request.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void CheckWriteArguments(IReadOnlyList<VariableAccessSpecification> variables, IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfZero(variables.Count, nameof(variables));
        if (variables.Count != data.Count)
        {
            throw new ArgumentException($"{variables.Count} variables need {variables.Count} values, not {data.Count}.", nameof(data));
        }
    }

    /// <summary>SET through SN: a Write of the attribute's short name (parameterized when selective access is asked).</summary>
    private async ValueTask ShortNameSetAsync<T>(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor? access, T value, AxdrEncoder<T> encode,
        CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var variable = Variable(attribute, access);
            EncodeInto(ValueBuffer, value, encode);
            var result = (await WriteCoreAsync([variable], [ValueBuffer.WrittenMemory], attribute, cancellationToken).ConfigureAwait(false))[0];
            if (result.Kind != WriteResultKind.Success)
            {
                ThrowIfRefused(result.Kind == WriteResultKind.DataAccessError ? result.Error : DataAccessResult.OtherReason, attribute);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>ACTION through SN: Read with parameterized access when a result is wanted, Write otherwise.</summary>
    private async ValueTask<TResult> ShortNameInvokeAsync<TParameter, TResult>(CosemMethodDescriptor method, TParameter parameter,
        AxdrEncoder<TParameter> encode, AxdrDecoder<TResult>? decode, bool returnsOptional, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var name = ShortNameOf(method);
            EncodeInto(ValueBuffer, parameter, encode);
            if (decode is null)
            {
                var written = (await WriteCoreAsync([VariableAccessSpecification.ByName(name)], [ValueBuffer.WrittenMemory], method, cancellationToken).ConfigureAwait(false))[0];
                if (written.Kind == WriteResultKind.DataAccessError)
                {
                    throw new CosemServiceException(written.Error, $"Invoking {method} failed: data-access-result {written.Error}.");
                }
                return default!;
            }
            var variable = VariableAccessSpecification.Parameterized(name, MethodInvocationSelector, ValueBuffer.WrittenMemory.ToArray());
            var result = (await ReadCoreAsync([variable], method, cancellationToken).ConfigureAwait(false))[0];
            if (result.Kind != ReadResultKind.Data)
            {
                throw new CosemServiceException(result.Error, $"Invoking {method} failed: data-access-result {result.Error}.");
            }
            // A method without return parameters answers null-data.
            if (returnsOptional && result.Data.Span is [(byte)DataType.NullData])
            {
                return default!;
            }
            return DecodeValue(result.Data.Span, decode, method);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<WriteResult[]> WriteCoreAsync(IReadOnlyList<VariableAccessSpecification> variables, IReadOnlyList<ReadOnlyMemory<byte>> data,
        object what, CancellationToken cancellationToken)
    {
        Require(Conformance.Write, "a Write request");
        if (variables.Count > 1)
        {
            Require(Conformance.MultipleReferences, "a Write of several variables");
        }
        _request.ResetWrittenCount();
        new WriteRequest(variables, data).Encode(_request);
        if (_request.WrittenCount > RequestLimit)
        {
            Require(Conformance.BlockTransferWithSetOrWrite,
                $"a Write request of {_request.WrittenCount} bytes (the meter accepts requests of at most {ServerMaxReceivePduSize} bytes)");
            return await WriteInBlocksAsync(variables.Count, what, cancellationToken).ConfigureAwait(false);
        }
        using var answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.WriteResponse, AnyInvokeId, protect: true, cancellationToken).ConfigureAwait(false);
        // A caller sending write-data-block-access blocks itself gets the meter's block-number acknowledgements.
        var ownBlocks = variables.Any(variable => variable.Kind == VariableAccessKind.WriteDataBlockAccess);
        return CheckWriteResults(Decode<WriteResponse>(answer.Memory, ApduTag.WriteResponse).Results, variables.Count, what, ownBlocks);
    }

    private static WriteResult[] CheckWriteResults(IReadOnlyList<WriteResult> results, int expected, object what, bool blockNumbersExpected = false)
    {
        if (results.Count != expected)
        {
            throw new CosemProtocolException($"Writing {what}: the meter answered {results.Count} results for {expected} variables.");
        }
        foreach (var result in results)
        {
            if (result.Kind == WriteResultKind.BlockNumber && !blockNumbersExpected)
            {
                throw new CosemProtocolException($"Writing {what}: the meter acknowledged block {result.BlockNumber} of a Write that was not sent in blocks.");
            }
        }
        return [.. results];
    }
    /// <summary>Sends an unconfirmed request: protected like any other, no answer awaited.</summary>
    private async ValueTask SendOnlyAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        using var timeout = CreateTimeout(Options.RequestTimeout, cancellationToken);
        var token = timeout?.Token ?? cancellationToken;
        ClientLog.ApduSent(_logger, request.Span);
        try
        {
            if (Options.Protection is { } protection)
            {
                request = await protection.ProtectAsync(request, token).ConfigureAwait(false);
            }
            await _channel.SendAsync(request, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout is { IsCancellationRequested: true })
        {
            throw new CosemTimeoutException($"Sending took longer than {Options.RequestTimeout}.", Options.RequestTimeout, ex);
        }
        catch (CosemTransportException)
        {
            _state = Broken;
            throw;
        }
    }
}
