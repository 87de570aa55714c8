using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.ObjectModel;

/// <summary>
/// The meter refused a GET, SET or ACTION: <see cref="DataAccessResult"/> (GET/SET) or <see cref="ActionResult"/>
/// (ACTION) carries its result code (IEC 62056-5-3 §8). A server-side handler may also throw it to answer with a
/// specific result.
/// </summary>
public class CosemServiceException : CosemException
{
    /// <summary>A refused GET or SET.</summary>
    /// <param name="result">The data-access-result sent to or received from the peer; not
    /// <see cref="DataAccessResult.Success"/>.</param>
    /// <param name="message">A description; null for one naming the result code.</param>
    public CosemServiceException(DataAccessResult result, string? message = null)
        : base(message ?? $"The request failed: data-access-result {result} ({(byte)result}).")
    {
        DataAccessResult = result;
    }

    /// <summary>A refused ACTION.</summary>
    /// <param name="result">The action-result sent to or received from the peer; not
    /// <see cref="ActionResult.Success"/>.</param>
    /// <param name="message">A description; null for one naming the result code.</param>
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
