using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Server;

// The SN server's unsolicited report (IEC 62056-5-3 §9.5, InformationReportRequest): the application asks an open SN
// association to report attribute values; the session sends the APDU between its answers.
public sealed partial class AssociationState
{
    // Sends one APDU on the association's connection, serialised with the session's answers; null once the
    // association is closed or when its link lets the server speak only when polled (HDLC).
    private Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask>? _unsolicited;

    internal void AttachUnsolicitedSender(Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask>? sender) => _unsolicited = sender;

    /// <summary>
    /// Sends the client of this SN association an InformationReportRequest (IEC 62056-5-3 §9.5) with the current
    /// values of <paramref name="attributes"/>, each named by its short name in this association; the client sees
    /// it through <c>CosemClient.InformationReportReceived</c>. Needs an established, unciphered SN association that
    /// negotiated information-report, on a full-duplex link (the wrapper over TCP or UDP: an HDLC server speaks only
    /// when polled). Throws <see cref="InvalidOperationException"/> when the association cannot carry it,
    /// <see cref="ArgumentException"/> for an attribute the client cannot see or that has no short name, and
    /// <see cref="CosemServiceException"/> when an object refuses to give its value.
    /// </summary>
    /// <param name="attributes">The attributes to report, in order.</param>
    /// <param name="currentTime">The report's current-time, or null to leave it out.</param>
    /// <param name="cancellationToken">Cancels the read of the values and the send.</param>
    public async ValueTask SendInformationReportAsync(IReadOnlyList<CosemAttributeDescriptor> attributes, CosemDateTime? currentTime = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentOutOfRangeException.ThrowIfZero(attributes.Count, nameof(attributes));
        if (!IsShortName || ShortNames is not { } table)
        {
            throw new InvalidOperationException("InformationReport is a short-name service; this association uses LN referencing (use a DataNotification).");
        }
        if (Status != AssociationStatus.Associated || !Allows(Conformance.InformationReport))
        {
            throw new InvalidOperationException("The association is not established or did not negotiate information-report.");
        }
        if (IsCiphered)
        {
            throw new InvalidOperationException("This server sends information reports on unciphered SN associations only.");
        }
        var sender = _unsolicited
            ?? throw new InvalidOperationException("The association is closed, or its link (HDLC) lets the server send only when polled.");
        var variables = new VariableAccessSpecification[attributes.Count];
        var data = new ReadOnlyMemory<byte>[attributes.Count];
        var value = new ArrayBufferWriter<byte>(64);
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            var target = Device.Find(attribute.ClassId, attribute.InstanceId);
            if (target is null || !Definition.AccessRights.IsVisible(target) || table.BaseNameOf(target) is not { } baseName)
            {
                throw new ArgumentException($"{attribute}: no such object visible to this association.", nameof(attributes));
            }
            if (target.FindAttribute(attribute.AttributeId) is not { ShortNameOffset: >= 0 } info)
            {
                throw new ArgumentException($"{attribute}: the attribute has no short name.", nameof(attributes));
            }
            value.ResetWrittenCount();
            var result = await target.ReadAttributeAsync(attribute.AttributeId, null, Context, value, cancellationToken).ConfigureAwait(false);
            if (result != DataAccessResult.Success)
            {
                throw new CosemServiceException(result, $"{attribute} gave no value to report: {result}.");
            }
            variables[i] = VariableAccessSpecification.ByName((ushort)(baseName + info.ShortNameOffset));
            data[i] = value.WrittenSpan.ToArray();
        }
        var time = ReadOnlyMemory<byte>.Empty;
        if (currentTime is { } now)
        {
            var bytes = new byte[CosemDateTime.Length];
            now.CopyTo(bytes);
            time = bytes;
        }
        var apdu = new InformationReportRequest(time, variables, data).ToArray();
        if (apdu.Length > ClientMaxReceivePduSize)
        {
            throw new InvalidOperationException($"The report takes {apdu.Length} bytes; the client accepts at most {ClientMaxReceivePduSize}.");
        }
        await sender(apdu, cancellationToken).ConfigureAwait(false);
    }
}
