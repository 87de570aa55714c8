using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// xDLMS InitiateRequest [1] (IEC 62056-5-3 §8), A-XDR encoded; the client sends it in the AARQ user-information,
/// possibly ciphered (<see cref="CipheredUserInformationApdu"/>).
/// </summary>
public sealed class InitiateRequest : Apdu
{
    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.InitiateRequest;

    /// <summary>dedicated-key OCTET STRING OPTIONAL: the key for dedicated ciphering in this association.</summary>
    public ReadOnlyMemory<byte>? DedicatedKey { get; init; }

    /// <summary>response-allowed BOOLEAN DEFAULT TRUE: false for an unconfirmed association.</summary>
    public bool ResponseAllowed { get; init; } = true;

    /// <summary>proposed-quality-of-service [0] IMPLICIT Integer8 OPTIONAL.</summary>
    public sbyte? ProposedQualityOfService { get; init; }

    /// <summary>proposed-dlms-version-number Unsigned8: 6 for DLMS version 6.</summary>
    public byte ProposedDlmsVersionNumber { get; init; } = 6;

    /// <summary>
    /// proposed-conformance: the 24-bit conformance block of services and options the client wants to use.
    /// </summary>
    public Conformance ProposedConformance { get; init; }

    /// <summary>client-max-receive-pdu-size Unsigned16; 0 means no limit.</summary>
    public ushort ClientMaxReceivePduSize { get; init; } = 0xFFFF;

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        writer.WriteOptionalFlag(DedicatedKey.HasValue);
        if (DedicatedKey is { } key)
        {
            writer.WriteLength(key.Length);
            writer.WriteRawBytes(key.Span);
        }
        // A-XDR encodes a DEFAULT component like an OPTIONAL one, absent when it holds the default (IEC 61334-6).
        writer.WriteOptionalFlag(!ResponseAllowed);
        if (!ResponseAllowed)
        {
            writer.WriteRawByte(0x00);
        }
        writer.WriteOptionalFlag(ProposedQualityOfService.HasValue);
        if (ProposedQualityOfService is { } qos)
        {
            writer.WriteRawByte((byte)qos);
        }
        writer.WriteRawByte(ProposedDlmsVersionNumber);
        ConformanceEncoding.Write(ref writer, ProposedConformance);
        writer.WriteRawUInt16(ClientMaxReceivePduSize);
    }

    /// <summary>Decodes a whole InitiateRequest, tag included.</summary>
    public static InitiateRequest Decode(ReadOnlyMemory<byte> apdu) => Decode(apdu, 0);

    internal static InitiateRequest Decode(ReadOnlyMemory<byte> apdu, int baseOffset)
    {
        var reader = new AxdrReader(apdu.Span, baseOffset);
        int at = reader.AbsolutePosition;
        if (reader.ReadRawByte("tag") != (byte)ApduTag.InitiateRequest)
        {
            throw new CosemEncodingException("Not an InitiateRequest (tag 1).", at, "tag");
        }
        ReadOnlyMemory<byte>? dedicatedKey = null;
        if (reader.ReadOptionalFlag("dedicated-key"))
        {
            int length = reader.ReadLength("dedicated-key length");
            int start = reader.Position;
            reader.ReadRawBytes(length, "dedicated-key");
            dedicatedKey = apdu.Slice(start, length);
        }
        bool responseAllowed = !reader.ReadOptionalFlag("response-allowed") || reader.ReadRawByte("response-allowed") != 0;
        sbyte? qos = reader.ReadOptionalFlag("proposed-quality-of-service")
            ? (sbyte)reader.ReadRawByte("proposed-quality-of-service")
            : null;
        byte version = reader.ReadRawByte("proposed-dlms-version-number");
        var conformance = ConformanceEncoding.Read(ref reader, "proposed-conformance");
        ushort maxPdu = reader.ReadRawUInt16("client-max-receive-pdu-size");
        reader.EnsureAtEnd("InitiateRequest");
        return new InitiateRequest
        {
            DedicatedKey = dedicatedKey,
            ResponseAllowed = responseAllowed,
            ProposedQualityOfService = qos,
            ProposedDlmsVersionNumber = version,
            ProposedConformance = conformance,
            ClientMaxReceivePduSize = maxPdu,
        };
    }

    /// <summary>The fields of the request in ASN.1 naming; for logs.</summary>
    public override string ToString() =>
        $"InitiateRequest(version {ProposedDlmsVersionNumber}, conformance {ProposedConformance}, max PDU {ClientMaxReceivePduSize}" +
        $"{(DedicatedKey.HasValue ? ", dedicated key" : "")}{(ResponseAllowed ? "" : ", no response")})";
}
