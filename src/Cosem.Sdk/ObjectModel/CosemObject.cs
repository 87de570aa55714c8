using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.ObjectModel;

/// <summary>
/// Base of every generated server class (<c>Clock</c>, <c>Register</c>, …): one COSEM object a server exposes.
/// The generated part maps attribute and method indexes to typed virtual members; a subclass overrides only what
/// it implements. Access rights are enforced by the association, from <see cref="Attributes"/> and
/// <see cref="Methods"/>, not here.
/// </summary>
public abstract class CosemObject
{
    /// <summary>Creates the object.</summary>
    /// <param name="logicalName">The object's OBIS code, its attribute 1 (logical_name).</param>
    protected CosemObject(ObisCode logicalName) => LogicalName = logicalName;

    /// <summary>Attribute 1 of every interface class (Blue Book §4.1.2).</summary>
    public ObisCode LogicalName { get; }

    /// <summary>Interface class id.</summary>
    public abstract ushort ClassId { get; }

    /// <summary>Interface class version.</summary>
    public abstract byte Version { get; }

    /// <summary>Every attribute of the class, in index order.</summary>
    public abstract IReadOnlyList<CosemAttributeInfo> Attributes { get; }

    /// <summary>Every method of the class, in index order.</summary>
    public abstract IReadOnlyList<CosemMethodInfo> Methods { get; }

    /// <summary>The attribute with <paramref name="index"/> from <see cref="Attributes"/>, or null when the class has
    /// none (the association then grants no access).</summary>
    public CosemAttributeInfo? FindAttribute(int index)
    {
        // Indexed rather than foreach: the list is an interface, and its enumerator would be allocated on every request.
        var attributes = Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Index == index)
            {
                return attributes[i];
            }
        }
        return null;
    }

    /// <summary>The method with <paramref name="index"/> from <see cref="Methods"/>, or null when the class has
    /// none.</summary>
    public CosemMethodInfo? FindMethod(int index)
    {
        var methods = Methods;
        for (var i = 0; i < methods.Count; i++)
        {
            if (methods[i].Index == index)
            {
                return methods[i];
            }
        }
        return null;
    }

    /// <summary>
    /// Encodes attribute <paramref name="index"/> as A-XDR Data into <paramref name="output"/>. On any result other
    /// than <see cref="DataAccessResult.Success"/> the content of <paramref name="output"/> is unspecified.
    /// </summary>
    public async ValueTask<DataAccessResult> ReadAttributeAsync(
        int index, SelectiveAccessDescriptor? access, RequestContext context, IBufferWriter<byte> output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (FindAttribute(index) is not { } attribute)
        {
            return DataAccessResult.ObjectUndefined;
        }
        // Blue Book §4.1.2: selectors are class-specific; one the attribute does not list cannot be honoured.
        if (access is { } selective && !attribute.SupportsSelector(selective.Selector))
        {
            return DataAccessResult.OtherReason;
        }
        if (index == 1)
        {
            return Encode(LogicalName, static (ref AxdrWriter writer, ObisCode value) => writer.WriteObisCode(value), output);
        }
        try
        {
            return await ReadAttributeCoreAsync(index, access, context, output, cancellationToken).ConfigureAwait(false);
        }
        catch (CosemServiceException e) when (e.DataAccessResult is { } result)
        {
            return result;
        }
    }

    /// <summary>
    /// Decodes <paramref name="value"/> (one A-XDR Data) and stores it in attribute <paramref name="index"/>. Bytes
    /// that do not decode as the attribute's type give <see cref="DataAccessResult.TypeUnmatched"/>.
    /// </summary>
    public async ValueTask<DataAccessResult> WriteAttributeAsync(
        int index, ReadOnlyMemory<byte> value, RequestContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (FindAttribute(index) is null)
        {
            return DataAccessResult.ObjectUndefined;
        }
        if (index == 1)
        {
            return DataAccessResult.ReadWriteDenied; // the logical name identifies the object; it never changes
        }
        try
        {
            return await WriteAttributeCoreAsync(index, value, context, cancellationToken).ConfigureAwait(false);
        }
        catch (CosemServiceException e) when (e.DataAccessResult is { } result)
        {
            return result;
        }
    }

    /// <summary>
    /// Invokes method <paramref name="index"/> with <paramref name="parameter"/> (one A-XDR Data, or empty when the
    /// request carried none) and writes its return parameters, if any, to <paramref name="output"/>.
    /// </summary>
    public async ValueTask<ActionResult> InvokeMethodAsync(
        int index, ReadOnlyMemory<byte> parameter, RequestContext context, IBufferWriter<byte> output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (FindMethod(index) is null)
        {
            return ActionResult.ObjectUndefined;
        }
        try
        {
            return await InvokeMethodCoreAsync(index, parameter, context, output, cancellationToken).ConfigureAwait(false);
        }
        catch (CosemServiceException e) when (e.ActionResult is { } result)
        {
            return result;
        }
    }

    /// <summary>Generated: reads attribute <paramref name="index"/> (2 and above; the index is known to exist).</summary>
    /// <remarks>The parameters of <paramref name="access"/> point into the request buffer, which the session reuses once
    /// the call returns: copy them to keep them.</remarks>
    protected abstract ValueTask<DataAccessResult> ReadAttributeCoreAsync(
        int index, SelectiveAccessDescriptor? access, RequestContext context, IBufferWriter<byte> output, CancellationToken cancellationToken);

    /// <summary>Generated: writes attribute <paramref name="index"/> (2 and above; the index is known to exist).</summary>
    protected abstract ValueTask<DataAccessResult> WriteAttributeCoreAsync(
        int index, ReadOnlyMemory<byte> value, RequestContext context, CancellationToken cancellationToken);

    /// <summary>Generated: invokes method <paramref name="index"/> (the index is known to exist).</summary>
    protected abstract ValueTask<ActionResult> InvokeMethodCoreAsync(
        int index, ReadOnlyMemory<byte> parameter, RequestContext context, IBufferWriter<byte> output, CancellationToken cancellationToken);

    // ---- helpers the generated dispatch calls ------------------------------------------------------------------

    /// <summary>Awaits a getter and encodes its value.</summary>
    protected static ValueTask<DataAccessResult> EncodeResultAsync<T>(ValueTask<T> pending, AxdrEncoder<T> encode, IBufferWriter<byte> output)
    {
        return pending.IsCompletedSuccessfully
            ? new ValueTask<DataAccessResult>(Encode(pending.Result, encode, output))
            : Awaited(pending, encode, output);

        static async ValueTask<DataAccessResult> Awaited(ValueTask<T> pending, AxdrEncoder<T> encode, IBufferWriter<byte> output) =>
            Encode(await pending.ConfigureAwait(false), encode, output);
    }

    /// <summary>Awaits a method handler and encodes its return parameters.</summary>
    protected static ValueTask<ActionResult> ReturnResultAsync<T>(ValueTask<T> pending, AxdrEncoder<T> encode, IBufferWriter<byte> output)
    {
        return pending.IsCompletedSuccessfully
            ? new ValueTask<ActionResult>(ToActionResult(Encode(pending.Result, encode, output)))
            : Awaited(pending, encode, output);

        static async ValueTask<ActionResult> Awaited(ValueTask<T> pending, AxdrEncoder<T> encode, IBufferWriter<byte> output) =>
            ToActionResult(Encode(await pending.ConfigureAwait(false), encode, output));
    }

    /// <summary>Awaits a setter: success once it completes.</summary>
    protected static ValueTask<DataAccessResult> CompletedAsync(ValueTask pending)
    {
        return pending.IsCompletedSuccessfully ? new ValueTask<DataAccessResult>(DataAccessResult.Success) : Awaited(pending);

        static async ValueTask<DataAccessResult> Awaited(ValueTask pending)
        {
            await pending.ConfigureAwait(false);
            return DataAccessResult.Success;
        }
    }

    /// <summary>Awaits a method handler without return parameters: success once it completes.</summary>
    protected static ValueTask<ActionResult> InvokedAsync(ValueTask pending)
    {
        return pending.IsCompletedSuccessfully ? new ValueTask<ActionResult>(ActionResult.Success) : Awaited(pending);

        static async ValueTask<ActionResult> Awaited(ValueTask pending)
        {
            await pending.ConfigureAwait(false);
            return ActionResult.Success;
        }
    }

    /// <summary>Decodes exactly one value from <paramref name="encoded"/>; false when the bytes do not decode as
    /// <typeparamref name="T"/> or carry trailing bytes.</summary>
    protected static bool TryDecode<T>(ReadOnlyMemory<byte> encoded, AxdrDecoder<T> decode, out T value)
    {
        try
        {
            var reader = new AxdrReader(encoded.Span);
            value = decode(ref reader);
            reader.EnsureAtEnd();
            return true;
        }
        catch (CosemEncodingException)
        {
            value = default!;
            return false;
        }
    }

    /// <summary>What a method handler the implementation did not override answers (Blue Book: the server may
    /// refuse a method it does not support).</summary>
    protected static ValueTask NotImplementedAsync(string method) =>
        ValueTask.FromException(new CosemServiceException(ActionResult.ReadWriteDenied, $"Method {method} is not implemented by this server."));

    /// <inheritdoc cref="NotImplementedAsync(string)"/>
    protected static ValueTask<T> NotImplementedAsync<T>(string method) =>
        ValueTask.FromException<T>(new CosemServiceException(ActionResult.ReadWriteDenied, $"Method {method} is not implemented by this server."));

    /// <summary>A getter refusing a selective-access request it cannot serve.</summary>
    protected static ValueTask<T> SelectiveAccessNotSupportedAsync<T>(SelectiveAccessDescriptor access) =>
        ValueTask.FromException<T>(new CosemServiceException(DataAccessResult.OtherReason,
            $"Access selector {access.Selector} is not supported by this attribute's implementation."));

    /// <summary>A completed setter result of <see cref="DataAccessResult.TypeUnmatched"/>: the SET value has the wrong
    /// A-XDR type.</summary>
    protected static ValueTask<DataAccessResult> TypeUnmatched => new(DataAccessResult.TypeUnmatched);

    /// <summary>A completed method result of <see cref="ActionResult.TypeUnmatched"/>: the ACTION parameter has the
    /// wrong A-XDR type.</summary>
    protected static ValueTask<ActionResult> ParameterTypeUnmatched => new(ActionResult.TypeUnmatched);

    private static DataAccessResult Encode<T>(T value, AxdrEncoder<T> encode, IBufferWriter<byte> output)
    {
        try
        {
            var writer = new AxdrWriter(output);
            encode(ref writer, value);
            writer.Flush();
            return DataAccessResult.Success;
        }
        catch (CosemEncodingException)
        {
            // A value the implementation produced cannot be encoded (e.g. a visible-string with non-ASCII text).
            return DataAccessResult.OtherReason;
        }
    }

    private static ActionResult ToActionResult(DataAccessResult result) =>
        result == DataAccessResult.Success ? ActionResult.Success : ActionResult.OtherReason;

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name} {LogicalName} (class {ClassId} v{Version})";
}
