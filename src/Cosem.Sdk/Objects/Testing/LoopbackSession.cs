using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Objects;

/// <summary>
/// An <see cref="ICosemSession"/> answered in-process by server objects: every GET, SET and ACTION goes through
/// the same A-XDR encoding a meter would see, without a transport. For tests, simulations and examples, e.g.
/// driving a <c>Clock.Proxy</c> against your own <c>Clock</c> subclass.
/// </summary>
public sealed class LoopbackSession : ICosemSession
{
    private readonly Dictionary<ObisCode, CosemObject> _objects = [];

    /// <summary>Serves <paramref name="objects"/> in-process.</summary>
    /// <param name="objects">The server objects to answer requests; logical names must be unique.</param>
    /// <param name="context">The context every request is served with; null for <see cref="RequestContext.Local"/>
    /// (a call by the application itself). Access rights are not checked: no association is involved.</param>
    /// <exception cref="ArgumentException">Two objects have the same logical name.</exception>
    public LoopbackSession(IEnumerable<CosemObject> objects, RequestContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        foreach (var obj in objects)
        {
            Add(obj);
        }
        Context = context ?? RequestContext.Local;
    }

    /// <summary>The context every request is served with.</summary>
    public RequestContext Context { get; }

    /// <summary>The objects served, by logical name.</summary>
    public IReadOnlyCollection<CosemObject> Objects => _objects.Values;

    /// <summary>Adds an object; a logical name can be served by one object only.</summary>
    public void Add(CosemObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (!_objects.TryAdd(obj.LogicalName, obj))
        {
            throw new ArgumentException($"An object with logical name {obj.LogicalName} is already served.", nameof(obj));
        }
    }

    /// <inheritdoc/>
    public ValueTask<T> GetAsync<T>(CosemAttributeDescriptor attribute, AxdrDecoder<T> decode, CancellationToken cancellationToken = default) =>
        GetCoreAsync(attribute, null, decode, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<T> GetAsync<T>(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor access, AxdrDecoder<T> decode, CancellationToken cancellationToken = default) =>
        GetCoreAsync(attribute, access, decode, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask SetAsync<T>(CosemAttributeDescriptor attribute, T value, AxdrEncoder<T> encode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encode);
        var target = Find(attribute.ClassId, attribute.InstanceId, DataAccessResult.ObjectUndefined, DataAccessResult.ObjectClassInconsistent);
        var result = await target.WriteAttributeAsync(attribute.AttributeId, EncodeToMemory(value, encode), Context, cancellationToken).ConfigureAwait(false);
        if (result != DataAccessResult.Success)
        {
            throw new CosemServiceException(result, $"SET {attribute} failed: {result}.");
        }
    }

    /// <inheritdoc/>
    public async ValueTask InvokeAsync<TParameter>(
        CosemMethodDescriptor method, TParameter parameter, AxdrEncoder<TParameter> encode, CancellationToken cancellationToken = default) =>
        await InvokeCoreAsync(method, parameter, encode, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<TResult> InvokeAsync<TParameter, TResult>(
        CosemMethodDescriptor method, TParameter parameter, AxdrEncoder<TParameter> encode, AxdrDecoder<TResult> decode,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decode);
        var output = await InvokeCoreAsync(method, parameter, encode, cancellationToken).ConfigureAwait(false);
        return DecodeAll(output.WrittenMemory, decode);
    }

    private async ValueTask<T> GetCoreAsync<T>(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor? access, AxdrDecoder<T> decode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decode);
        var target = Find(attribute.ClassId, attribute.InstanceId, DataAccessResult.ObjectUndefined, DataAccessResult.ObjectClassInconsistent);
        var output = new ArrayBufferWriter<byte>();
        var result = await target.ReadAttributeAsync(attribute.AttributeId, access, Context, output, cancellationToken).ConfigureAwait(false);
        if (result != DataAccessResult.Success)
        {
            throw new CosemServiceException(result, $"GET {attribute} failed: {result}.");
        }
        return DecodeAll(output.WrittenMemory, decode);
    }

    private async ValueTask<ArrayBufferWriter<byte>> InvokeCoreAsync<TParameter>(
        CosemMethodDescriptor method, TParameter parameter, AxdrEncoder<TParameter> encode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encode);
        if (!_objects.TryGetValue(method.InstanceId, out var target))
        {
            throw new CosemServiceException(ActionResult.ObjectUndefined, $"No object {method.InstanceId}.");
        }
        if (target.ClassId != method.ClassId)
        {
            throw new CosemServiceException(ActionResult.ObjectClassInconsistent, $"{method.InstanceId} is class {target.ClassId}, not {method.ClassId}.");
        }
        var output = new ArrayBufferWriter<byte>();
        var result = await target.InvokeMethodAsync(method.MethodId, EncodeToMemory(parameter, encode), Context, output, cancellationToken).ConfigureAwait(false);
        if (result != ActionResult.Success)
        {
            throw new CosemServiceException(result, $"ACTION {method} failed: {result}.");
        }
        return output;
    }

    private CosemObject Find(ushort classId, ObisCode logicalName, DataAccessResult missing, DataAccessResult wrongClass)
    {
        if (!_objects.TryGetValue(logicalName, out var target))
        {
            throw new CosemServiceException(missing, $"No object {logicalName}.");
        }
        if (target.ClassId != classId)
        {
            throw new CosemServiceException(wrongClass, $"{logicalName} is class {target.ClassId}, not {classId}.");
        }
        return target;
    }

    private static ReadOnlyMemory<byte> EncodeToMemory<T>(T value, AxdrEncoder<T> encode)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AxdrWriter(buffer);
        encode(ref writer, value);
        writer.Flush();
        return buffer.WrittenMemory;
    }

    // The whole reply must be one value, as a client decoding a meter's answer requires.
    private static T DecodeAll<T>(ReadOnlyMemory<byte> encoded, AxdrDecoder<T> decode)
    {
        var reader = new AxdrReader(encoded.Span);
        var value = decode(ref reader);
        reader.EnsureAtEnd();
        return value;
    }
}
