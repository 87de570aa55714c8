using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// The result of one request inside an ACCESS response (IEC 62056-5-3 §9.5, Access-Response-Specification ::= CHOICE
/// { access-response-get [1] Data-Access-Result, access-response-set [2] Data-Access-Result,
/// access-response-action [3] Action-Result }).
/// </summary>
public readonly record struct AccessResponseSpecification
{
    internal const int EncodedLength = 2;

    private AccessResponseSpecification(AccessResponseKind kind, byte result)
    {
        Kind = kind;
        RawResult = result;
    }

    /// <summary>Which CHOICE this is: whether <see cref="RawResult"/> is a data-access-result or an action-result.</summary>
    public AccessResponseKind Kind { get; }

    /// <summary>The result byte: a <see cref="Apdu.DataAccessResult"/> for get and set, an <see cref="Apdu.ActionResult"/> for action.</summary>
    public byte RawResult { get; }

    /// <summary>The result of a get or set.</summary>
    public DataAccessResult DataAccessResult => (DataAccessResult)RawResult;

    /// <summary>The result of an action.</summary>
    public ActionResult ActionResult => (ActionResult)RawResult;

    /// <summary>access-response-get [1] with the read's data-access-result.</summary>
    public static AccessResponseSpecification Get(DataAccessResult result) => new(AccessResponseKind.Get, (byte)result);

    /// <summary>access-response-set [2] with the write's data-access-result.</summary>
    public static AccessResponseSpecification Set(DataAccessResult result) => new(AccessResponseKind.Set, (byte)result);

    /// <summary>access-response-action [3] with the method's action-result.</summary>
    public static AccessResponseSpecification Action(ActionResult result) => new(AccessResponseKind.Action, (byte)result);

    internal static AccessResponseSpecification Decode(ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition;
        var kind = (AccessResponseKind)reader.ReadRawByte("access-response-specification");
        if (kind is not (AccessResponseKind.Get or AccessResponseKind.Set or AccessResponseKind.Action))
        {
            throw ApduFields.UnknownChoice(at, (byte)kind, "access-response-specification");
        }
        return new AccessResponseSpecification(kind, reader.ReadRawByte("result"));
    }

    internal void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Kind);
        writer.WriteRawByte(RawResult);
    }
}
