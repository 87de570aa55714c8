using System.Buffers;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Security;

/// <summary>
/// The addressing fields general-ciphering and general-signing share (IEC 62056-5-3 §9.5, Green Book
/// §9.2.7.2.4.8 and §9.2.7.2.5): transaction-id, originator and recipient system titles, date-time and
/// other-information. Their A-XDR encoding (length and value of each) is authenticated by both protections.
/// </summary>
public sealed record GeneralProtectionHeader
{
    /// <summary>Creates a header with empty date-time and other-information.</summary>
    /// <param name="originator">The system title of the party applying the protection.</param>
    /// <param name="recipient">The system title of the party removing or checking it.</param>
    /// <param name="transactionId">The transaction-id; exactly 8 bytes for static–static key agreement.</param>
    public GeneralProtectionHeader(SystemTitle originator, SystemTitle recipient, ReadOnlyMemory<byte> transactionId)
    {
        Originator = originator;
        Recipient = recipient;
        TransactionId = transactionId;
    }

    /// <summary>Identifies the exchange; static–static key agreement needs exactly 8 bytes (it is the nonce).</summary>
    public ReadOnlyMemory<byte> TransactionId { get; init; }

    /// <summary>The party that applies the protection (party U of key agreement, the GCM IV's fixed field).</summary>
    public SystemTitle Originator { get; init; }

    /// <summary>The party that checks or removes the protection (party V).</summary>
    public SystemTitle Recipient { get; init; }

    /// <summary>A 12-byte COSEM date-time, or empty.</summary>
    public ReadOnlyMemory<byte> DateTime { get; init; }

    /// <summary>Free-form other-information (A-XDR octet-string), authenticated with the rest of the header; empty by
    /// default.</summary>
    public ReadOnlyMemory<byte> OtherInformation { get; init; }

    /// <summary>transaction-id ‖ originator ‖ recipient ‖ date-time ‖ other-information, each A-XDR length + value.</summary>
    internal void WriteTo(IBufferWriter<byte> output)
    {
        Span<byte> title = stackalloc byte[SystemTitle.Length];
        var writer = new AxdrWriter(output);
        WriteOctets(ref writer, TransactionId.Span);
        Originator.CopyTo(title);
        WriteOctets(ref writer, title);
        Recipient.CopyTo(title);
        WriteOctets(ref writer, title);
        WriteOctets(ref writer, DateTime.Span);
        WriteOctets(ref writer, OtherInformation.Span);
        writer.Flush();
    }

    /// <summary>Reads the header of a received APDU; the system titles must have 8 bytes.</summary>
    internal static GeneralProtectionHeader From(ReadOnlyMemory<byte> transactionId, ReadOnlyMemory<byte> originator,
        ReadOnlyMemory<byte> recipient, ReadOnlyMemory<byte> dateTime, ReadOnlyMemory<byte> otherInformation) =>
        new(new SystemTitle(originator.Span), new SystemTitle(recipient.Span), transactionId)
        {
            DateTime = dateTime,
            OtherInformation = otherInformation,
        };

    private static void WriteOctets(ref AxdrWriter writer, scoped ReadOnlySpan<byte> value)
    {
        writer.WriteLength(value.Length);
        writer.WriteRawBytes(value);
    }
}
