using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Client;

/// <summary>
/// One request of an ACCESS batch (<see cref="CosemClient.AccessAsync(IReadOnlyList{CosemAccessItem}, CosemAccessProcessing, bool, CancellationToken)"/>):
/// a GET, SET or ACTION, with the encoded Data the service carries (the value to write, the method parameters).
/// </summary>
public readonly struct CosemAccessItem
{
    // null-data: what a GET carries in access-request-list-of-data, and an ACTION without parameters.
    private static readonly byte[] s_nullData = [(byte)DataType.NullData];

    private CosemAccessItem(AccessRequestSpecification specification, ReadOnlyMemory<byte> data)
    {
        Specification = specification;
        Data = data;
    }

    /// <summary>The request as the codec encodes it: its kind, its descriptor and any selective access.</summary>
    public AccessRequestSpecification Specification { get; }

    /// <summary>The encoded Data sent with the request: the value (SET), the parameters (ACTION) or null-data (GET).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The kind of the request (GET, SET, ACTION, or a -with-selection variant).</summary>
    public AccessRequestKind Kind => Specification.Kind;

    /// <summary>Reads <paramref name="attribute"/>, with selective access when <paramref name="selection"/> is given (access-request-get or -get-with-selection).</summary>
    public static CosemAccessItem Get(CosemAttributeDescriptor attribute, SelectiveAccessDescriptor? selection = null) => new(
        selection is { } s ? AccessRequestSpecification.GetWithSelection(attribute, s) : AccessRequestSpecification.Get(attribute), s_nullData);

    /// <summary>
    /// Writes the A-XDR encoded Data <paramref name="encodedValue"/> to <paramref name="attribute"/> (access-request-set,
    /// or -set-with-selection). The value is sent as given: it must be one complete Data.
    /// </summary>
    public static CosemAccessItem Set(CosemAttributeDescriptor attribute, ReadOnlyMemory<byte> encodedValue, SelectiveAccessDescriptor? selection = null)
    {
        if (encodedValue.IsEmpty)
        {
            throw new ArgumentException("A SET needs an encoded Data value.", nameof(encodedValue));
        }
        return new(selection is { } s ? AccessRequestSpecification.SetWithSelection(attribute, s) : AccessRequestSpecification.Set(attribute), encodedValue);
    }

    /// <summary>Writes the generic <paramref name="value"/> to <paramref name="attribute"/>; encodes it once, here.</summary>
    public static CosemAccessItem Set(CosemAttributeDescriptor attribute, CosemData value) => Set(attribute, value.ToArray());

    /// <summary>Invokes <paramref name="method"/> with the encoded Data <paramref name="encodedParameters"/>; empty sends null-data.</summary>
    public static CosemAccessItem Action(CosemMethodDescriptor method, ReadOnlyMemory<byte> encodedParameters = default) =>
        new(AccessRequestSpecification.Action(method), encodedParameters.IsEmpty ? s_nullData : encodedParameters);

    /// <summary>Invokes <paramref name="method"/> with the generic <paramref name="parameter"/>; encodes it once, here.</summary>
    public static CosemAccessItem Action(CosemMethodDescriptor method, CosemData parameter) => Action(method, parameter.ToArray());

    /// <summary>The item's kind and target, e.g. for test output and logs.</summary>
    public override string ToString() => Kind == AccessRequestKind.Action
        ? $"action {Specification.MethodDescriptor}"
        : $"{Kind.ToString().ToLowerInvariant()} {Specification.AttributeDescriptor}";
}
