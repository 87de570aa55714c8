using System.Net;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

/// <summary>
/// One notification a meter pushed (DataNotification, EVENT-NOTIFICATION-Request or InformationReport), opened and
/// decoded: where it came from, how it was protected, and its body as <see cref="CosemData"/>, plus the body matched
/// with the meter's push_object_list when one is known.
/// </summary>
public sealed record PushNotification
{
    /// <summary>Which service carried the notification.</summary>
    public required PushNotificationKind Kind { get; init; }

    /// <summary>The sender's address (TCP connection or UDP peer); null when the transport has none.</summary>
    public EndPoint? RemoteEndPoint { get; init; }

    /// <summary>The wrapper source wPort (the meter's logical device), or the link's source address.</summary>
    public int SourceAddress { get; init; }

    /// <summary>The wrapper destination wPort (the push client SAP the meter addressed).</summary>
    public int DestinationAddress { get; init; }

    /// <summary>The meter's system title: carried by general ciphering, else the one known for the connection; null
    /// when neither gives one.</summary>
    public SystemTitle? SystemTitle { get; init; }

    /// <summary>How the APDU was protected.</summary>
    public PushProtection Protection { get; init; }

    /// <summary>Whether the notification came in general-signing whose signature verified with the sender's signing
    /// key (<see cref="IPushKeyProvider.GetSigningKey"/>); <see cref="Protection"/> says how its content was
    /// ciphered.</summary>
    public bool Signed { get; init; }

    /// <summary>The security control byte of a protected APDU; null in the clear.</summary>
    public SecurityControlByte? SecurityControl { get; init; }

    /// <summary>The invocation counter of a protected APDU (checked to be above the last accepted); null in the
    /// clear.</summary>
    public uint? InvocationCounter { get; init; }

    /// <summary>long-invoke-id-and-priority of a DataNotification; null for the other kinds.</summary>
    public LongInvokeIdAndPriority? LongInvokeIdAndPriority { get; init; }

    /// <summary>The date-time the meter stamped (DataNotification date-time, event time, report current-time), when
    /// it sent a 12-byte COSEM date-time; else null.</summary>
    public CosemDateTime? DateTime { get; init; }

    /// <summary>The attribute an EVENT-NOTIFICATION reports; null for the other kinds.</summary>
    public CosemAttributeDescriptor? Attribute { get; init; }

    /// <summary>The body: a DataNotification's data-value, an event's attribute value, or a structure of an
    /// InformationReport's values in the order of its variables.</summary>
    public required CosemData Body { get; init; }

    /// <summary>The body matched element by element with the push_object_list the decoder was given for this meter;
    /// null when no list was known or it did not fit (see <see cref="TypingError"/>).</summary>
    public IReadOnlyList<PushValue>? Values { get; init; }

    /// <summary>Why a known push_object_list did not fit the body (the notification is then delivered untyped);
    /// null otherwise.</summary>
    public string? TypingError { get; init; }

    /// <summary>The plain xDLMS APDU, after deciphering.</summary>
    public ReadOnlyMemory<byte> Apdu { get; init; }

    /// <summary>When the listener received it.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Kind, sender and body on one line; for logs.</summary>
    public override string ToString() =>
        $"{Kind} from {RemoteEndPoint?.ToString() ?? "?"} (wPort {SourceAddress}, system title {SystemTitle?.ToString() ?? "?"}, {Protection}): {Body}";
}
