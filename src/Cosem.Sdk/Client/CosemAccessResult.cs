using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Client;

/// <summary>
/// The meter's answer to one item of an ACCESS batch: a data-access-result (GET, SET) or an action-result (ACTION),
/// and the Data that came with it (the value read, or the method's return data).
/// </summary>
public sealed class CosemAccessResult
{
    private readonly byte[] _data;

    internal CosemAccessResult(CosemAccessItem item, AccessResponseSpecification result, byte[] data)
    {
        Item = item;
        Specification = result;
        _data = data;
    }

    /// <summary>The request this answers, as it was sent.</summary>
    public CosemAccessItem Item { get; }

    /// <summary>The Access-Response-Specification as received: its kind and raw result byte.</summary>
    public AccessResponseSpecification Specification { get; }

    /// <summary>Success, or why a GET or SET failed; null for an ACTION.</summary>
    public DataAccessResult? DataAccessResult => Specification.Kind == AccessResponseKind.Action ? null : Specification.DataAccessResult;

    /// <summary>Success, or why an ACTION failed; null for a GET or SET.</summary>
    public ActionResult? ActionResult => Specification.Kind == AccessResponseKind.Action ? Specification.ActionResult : null;

    /// <summary>Whether the meter carried the item out (result 0 in either result type).</summary>
    public bool IsSuccess => Specification.RawResult == 0;

    /// <summary>
    /// The encoded Data of a successful GET (possibly null-data, if that is the value) or an ACTION's return data;
    /// empty for a SET, a failed item, or an ACTION that returned null-data.
    /// </summary>
    public ReadOnlyMemory<byte> RawData => _data;

    /// <summary>Whether an ACTION returned data (or a GET read a value).</summary>
    public bool HasData => _data.Length > 0;

    /// <summary>The Data as a generic value; throws <see cref="CosemServiceException"/> when the item failed.</summary>
    public CosemData Value => Decode(CosemData.Decode);

    /// <summary>
    /// The Data decoded by <paramref name="decode"/>; throws <see cref="CosemServiceException"/> when the item failed
    /// and <see cref="CosemProtocolException"/> when it carried no data.
    /// </summary>
    public T Decode<T>(AxdrDecoder<T> decode)
    {
        ArgumentNullException.ThrowIfNull(decode);
        if (!IsSuccess)
        {
            throw ActionResult is { } action
                ? new CosemServiceException(action, $"{Item} failed: action-result {action}.")
                : new CosemServiceException(Specification.DataAccessResult, $"{Item} failed: data-access-result {Specification.DataAccessResult}.");
        }
        if (_data.Length == 0)
        {
            throw new CosemProtocolException($"{Item} carried no data.");
        }
        var reader = new AxdrReader(_data);
        var value = decode(ref reader);
        if (!reader.IsAtEnd)
        {
            // Throws; the field name (the descriptor formatted) is built only then, not on every read.
            reader.EnsureAtEnd($"end of {Item}");
        }
        return value;
    }

    /// <summary>The item and its result, e.g. for test output and logs.</summary>
    public override string ToString() =>
        $"{Item}: {(ActionResult is { } action ? action.ToString() : Specification.DataAccessResult.ToString())}{(HasData ? $", {_data.Length} bytes" : "")}";
}
