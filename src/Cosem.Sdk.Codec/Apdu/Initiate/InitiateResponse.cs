using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// xDLMS InitiateResponse [8] (IEC 62056-5-3 §8), A-XDR encoded; the server returns it in the AARE user-information
/// when it accepts the xDLMS context.
/// </summary>
public sealed class InitiateResponse : Apdu
{
    /// <summary>vaa-name of a logical-name association: the LN of the current association, 0x0007.</summary>
    public const ushort VaaNameLogicalName = 0x0007;

    /// <summary>vaa-name of a short-name association: the base name of the current association object, 0xFA00.</summary>
    public const ushort VaaNameShortName = 0xFA00;

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.InitiateResponse;

    /// <summary>negotiated-quality-of-service [0] IMPLICIT Integer8 OPTIONAL.</summary>
    public sbyte? NegotiatedQualityOfService { get; init; }

    /// <summary>negotiated-dlms-version-number Unsigned8.</summary>
    public byte NegotiatedDlmsVersionNumber { get; init; } = 6;

    /// <summary>
    /// negotiated-conformance: the services and options the server grants, a subset of the proposed conformance.
    /// </summary>
    public Conformance NegotiatedConformance { get; init; }

    /// <summary>server-max-receive-pdu-size Unsigned16.</summary>
    public ushort ServerMaxReceivePduSize { get; init; }

    /// <summary>vaa-name ObjectName: <see cref="VaaNameLogicalName"/> or <see cref="VaaNameShortName"/>.</summary>
    public ushort VaaName { get; init; } = VaaNameLogicalName;

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        writer.WriteOptionalFlag(NegotiatedQualityOfService.HasValue);
        if (NegotiatedQualityOfService is { } qos)
        {
            writer.WriteRawByte((byte)qos);
        }
        writer.WriteRawByte(NegotiatedDlmsVersionNumber);
        ConformanceEncoding.Write(ref writer, NegotiatedConformance);
        writer.WriteRawUInt16(ServerMaxReceivePduSize);
        writer.WriteRawUInt16(VaaName);
    }

    /// <summary>Decodes a whole InitiateResponse, tag included.</summary>
    public static InitiateResponse Decode(ReadOnlyMemory<byte> apdu) => Decode(apdu, 0);

    internal static InitiateResponse Decode(ReadOnlyMemory<byte> apdu, int baseOffset)
    {
        var reader = new AxdrReader(apdu.Span, baseOffset);
        int at = reader.AbsolutePosition;
        if (reader.ReadRawByte("tag") != (byte)ApduTag.InitiateResponse)
        {
            throw new CosemEncodingException("Not an InitiateResponse (tag 8).", at, "tag");
        }
        sbyte? qos = reader.ReadOptionalFlag("negotiated-quality-of-service")
            ? (sbyte)reader.ReadRawByte("negotiated-quality-of-service")
            : null;
        byte version = reader.ReadRawByte("negotiated-dlms-version-number");
        var conformance = ConformanceEncoding.Read(ref reader, "negotiated-conformance");
        ushort maxPdu = reader.ReadRawUInt16("server-max-receive-pdu-size");
        ushort vaaName = reader.ReadRawUInt16("vaa-name");
        reader.EnsureAtEnd("InitiateResponse");
        return new InitiateResponse
        {
            NegotiatedQualityOfService = qos,
            NegotiatedDlmsVersionNumber = version,
            NegotiatedConformance = conformance,
            ServerMaxReceivePduSize = maxPdu,
            VaaName = vaaName,
        };
    }

    /// <summary>The fields of the response in ASN.1 naming; for logs.</summary>
    public override string ToString() =>
        $"InitiateResponse(version {NegotiatedDlmsVersionNumber}, conformance {NegotiatedConformance}, max PDU {ServerMaxReceivePduSize}, vaa-name 0x{VaaName:X4})";
}
