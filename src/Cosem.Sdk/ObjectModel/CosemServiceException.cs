using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.ObjectModel;

/// <summary>
/// The meter refused a GET, SET or ACTION: <see cref="DataAccessResult"/> (GET/SET) or <see cref="ActionResult"/>
/// (ACTION) carries its result code (IEC 62056-5-3 §8). A server-side handler may also throw it to answer with a
/// specific result.
/// </summary>
public class CosemServiceException : CosemException
{
    public CosemServiceException(DataAccessResult result, string? message = null)
        : base(message ?? $"The request failed: data-access-result {result} ({(byte)result}).")
    {
        DataAccessResult = result;
    }

    public CosemServiceException(ActionResult result, string? message = null)
        : base(message ?? $"The action failed: action-result {result} ({(byte)result}).")
    {
        ActionResult = result;
    }

    /// <summary>The result of a GET or SET, or null when an ACTION failed.</summary>
    public DataAccessResult? DataAccessResult { get; }

    /// <summary>The result of an ACTION, or null when a GET or SET failed.</summary>
    public ActionResult? ActionResult { get; }
}
