using System.Net;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

/// <summary>A notification (or connection) a push listener refused, with the reason; never carries key material.</summary>
/// <param name="Reason">Why it was refused.</param>
/// <param name="RemoteEndPoint">The sender, when the transport knows it.</param>
/// <param name="SystemTitle">The sender's system title when the APDU or connection gave one.</param>
/// <param name="Message">What was wrong, in words.</param>
public sealed record PushRejection(PushRejectionReason Reason, EndPoint? RemoteEndPoint, SystemTitle? SystemTitle, string Message)
{
    /// <summary>Reason, sender and message on one line; for logs.</summary>
    public override string ToString() => $"{Reason} from {RemoteEndPoint?.ToString() ?? "?"} ({SystemTitle?.ToString() ?? "no system title"}): {Message}";
}
