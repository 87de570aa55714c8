using Cosem.Sdk.Axdr;
using Cosem.Sdk.Ber;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Base of the BER-encoded ACSE APDUs (AARQ, AARE, RLRQ, RLRE; IEC 62056-5-3 §9, ISO/IEC 8650-1), with the
/// user-information [30] they all may carry: an OCTET STRING holding one xDLMS APDU.
/// </summary>
/// <remarks>
/// Encoding into an <see cref="AxdrWriter"/> runs the BER encoding twice, once measuring and once writing into an
/// exactly-sized reserved span, so no intermediate buffer is allocated.
/// </remarks>
public abstract class AcseApdu : Apdu
{
    private protected static readonly BerTag UserInformationTag = BerTag.Context(30, isConstructed: true);
    private protected static readonly BerTag ImplementationInformationTag = BerTag.Context(29);

    private ReadOnlyMemory<byte>? _userInformation;
    private Apdu? _userInformationApdu;

    private protected AcseApdu()
    {
    }

    /// <summary>
    /// The encoded xDLMS APDU in user-information, or null when absent. Setting it also decodes the typed view
    /// (<see cref="UserInformationApdu"/>); an APDU of an unknown tag is kept as bytes only, and one of a known tag
    /// that does not decode throws <see cref="CosemEncodingException"/>.
    /// </summary>
    public ReadOnlyMemory<byte>? UserInformation
    {
        get => _userInformation;
        init
        {
            _userInformation = value;
            _userInformationApdu = value is { } bytes ? DecodeUserInformation(bytes, 0) : null;
        }
    }

    /// <summary>
    /// The typed xDLMS APDU in user-information: <see cref="InitiateRequest"/>, <see cref="InitiateResponse"/>,
    /// <see cref="ConfirmedServiceError"/> or <see cref="CipheredUserInformationApdu"/>; null when absent or of
    /// another tag. Setting it also sets <see cref="UserInformation"/> to its encoding.
    /// </summary>
    public Apdu? UserInformationApdu
    {
        get => _userInformationApdu;
        init
        {
            _userInformationApdu = value;
            // Not value?.ToArray(): a null byte[] converts to an empty ReadOnlyMemory, which would encode an empty
            // user-information element instead of leaving it out.
            _userInformation = value is null ? null : (ReadOnlyMemory<byte>?)value.ToArray();
        }
    }

    /// <summary>The ciphered initiate (or confirmed-service-error) in user-information, when ciphered.</summary>
    public CipheredUserInformationApdu? CipheredUserInformation => _userInformationApdu as CipheredUserInformationApdu;

    /// <summary>Writes the whole APDU as BER.</summary>
    public abstract void Encode(ref BerWriter writer);

    /// <inheritdoc/>
    public sealed override void Encode(ref AxdrWriter writer)
    {
        int length = GetEncodedLength();
        var ber = new BerWriter(writer.ReserveRawBytes(length));
        Encode(ref ber);
        ber.EnsureComplete();
    }

    /// <summary>Octets the encoded APDU takes.</summary>
    public int GetEncodedLength()
    {
        var measure = BerWriter.CreateMeasuring();
        Encode(ref measure);
        return measure.BytesWritten;
    }

    /// <summary>
    /// The fields AARQ and AARE end with, in ASN.1 order: acse-requirements and mechanism-name (primitive, at
    /// <paramref name="requirementsTag"/> and the next tag), authentication-value (constructed, the tag after),
    /// implementation-information [29] and user-information [30]; then closes the APDU.
    /// </summary>
    private protected void WriteAuthenticationAndClose(ref BerWriter writer, int requirementsTag, AcseRequirements? requirements,
        MechanismName? mechanism, AuthenticationValue? authenticationValue, ReadOnlyMemory<byte>? implementationInformation)
    {
        if (requirements is { } bits)
        {
            AcseEncoding.WriteNamedBits(ref writer, (uint)bits, BerTag.Context(requirementsTag));
        }
        if (mechanism is { } name)
        {
            AcseEncoding.WriteMechanismName(ref writer, name, BerTag.Context(requirementsTag + 1));
        }
        authenticationValue?.Write(ref writer, BerTag.Context(requirementsTag + 2, true));
        if (implementationInformation is { } implementation)
        {
            writer.WriteGraphicString(implementation.Span, ImplementationInformationTag);
        }
        WriteUserInformation(ref writer);
        writer.EndConstructed();
    }

    private protected void WriteUserInformation(ref BerWriter writer)
    {
        if (_userInformation is { } bytes)
        {
            // user-information [30] EXPLICIT Association-information (OCTET STRING).
            writer.StartConstructed(UserInformationTag);
            writer.WriteOctetString(bytes.Span);
            writer.EndConstructed();
        }
    }

    /// <summary>user-information as decoded: the bytes (a slice of the received buffer) and the typed view.</summary>
    internal readonly record struct DecodedUserInformation(ReadOnlyMemory<byte> Bytes, Apdu? Apdu);

    private protected static DecodedUserInformation ReadUserInformation(ref BerReader reader, ReadOnlyMemory<byte> source)
    {
        const string field = "user-information";
        var inner = reader.ReadConstructed(UserInformationTag, field);
        var octets = inner.ReadOctetString(field);
        int octetsAt = inner.AbsolutePosition - octets.Length;
        var bytes = AcseEncoding.Slice(source, inner, octets.Length);
        inner.EnsureAtEnd(field);
        return new DecodedUserInformation(bytes, DecodeUserInformation(bytes, octetsAt));
    }

    /// <summary>Sets user-information after decoding, without decoding it again.</summary>
    private protected void SetUserInformation(DecodedUserInformation? value)
    {
        _userInformation = value?.Bytes;
        _userInformationApdu = value?.Apdu;
    }

    /// <summary>The typed xDLMS APDU, or null for an empty or unknown one (kept as bytes only).</summary>
    private static Apdu? DecodeUserInformation(ReadOnlyMemory<byte> bytes, int baseOffset)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }
        var tag = (ApduTag)bytes.Span[0];
        return tag switch
        {
            ApduTag.InitiateRequest => InitiateRequest.Decode(bytes, baseOffset),
            ApduTag.InitiateResponse => InitiateResponse.Decode(bytes, baseOffset),
            ApduTag.ConfirmedServiceError => ConfirmedServiceError.Decode(bytes, baseOffset),
            _ when CipheredUserInformationApdu.IsCipheredUserInformationTag(tag) => CipheredUserInformationApdu.Decode(bytes, baseOffset),
            _ => null,
        };
    }
}
