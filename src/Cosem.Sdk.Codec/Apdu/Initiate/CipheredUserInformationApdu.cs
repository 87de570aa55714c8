using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// A ciphered xDLMS APDU as carried in ACSE user-information (IEC 62056-5-3 §8, §9): glo-/ded-initiateRequest
/// (33/65), glo-/ded-initiateResponse (40/72) and glo-/ded-confirmedServiceError (46/78). Each is the tag followed
/// by an OCTET STRING (security header, ciphertext, authentication tag); this envelope carries that octet string
/// unopened, for the security layer to decipher.
/// </summary>
public sealed class CipheredUserInformationApdu : Apdu
{
    /// <summary>Wraps already-ciphered content under one of the ciphered user-information tags.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tag"/> fails <see cref="IsCipheredUserInformationTag"/>.</exception>
    public CipheredUserInformationApdu(ApduTag tag, ReadOnlyMemory<byte> cipheredContent)
    {
        if (!IsCipheredUserInformationTag(tag))
        {
            throw new ArgumentOutOfRangeException(nameof(tag), tag, "Not a ciphered initiate or confirmed-service-error tag.");
        }
        Tag = tag;
        CipheredContent = cipheredContent;
    }

    /// <summary>Which ciphered initiate or confirmed-service-error APDU this is (global or dedicated key).</summary>
    public override ApduTag Tag { get; }

    /// <summary>Whether <paramref name="tag"/> is one of the ciphered APDUs that may travel in ACSE user-information:
    /// the glo-/ded- initiate request and response, and glo-/ded-confirmedServiceError.</summary>
    public static bool IsCipheredUserInformationTag(ApduTag tag) => tag is ApduTag.GloInitiateRequest
        or ApduTag.GloInitiateResponse or ApduTag.DedInitiateRequest or ApduTag.DedInitiateResponse
        or ApduTag.GloConfirmedServiceError or ApduTag.DedConfirmedServiceError;

    /// <summary>The octet string after the tag: security control, invocation counter, ciphertext and tag.</summary>
    public ReadOnlyMemory<byte> CipheredContent { get; }

    /// <summary>True for the dedicated-key forms (65, 72, 78).</summary>
    public bool IsDedicated => Tag is ApduTag.DedInitiateRequest or ApduTag.DedInitiateResponse or ApduTag.DedConfirmedServiceError;

    /// <summary>Writes the tag, the A-XDR length and the ciphered content unchanged.</summary>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        writer.WriteLength(CipheredContent.Length);
        writer.WriteRawBytes(CipheredContent.Span);
    }

    /// <summary>Decodes a whole ciphered APDU, tag included.</summary>
    public static CipheredUserInformationApdu Decode(ReadOnlyMemory<byte> apdu) => Decode(apdu, 0);

    internal static CipheredUserInformationApdu Decode(ReadOnlyMemory<byte> apdu, int baseOffset)
    {
        var reader = new AxdrReader(apdu.Span, baseOffset);
        int at = reader.AbsolutePosition;
        var tag = (ApduTag)reader.ReadRawByte("tag");
        if (!IsCipheredUserInformationTag(tag))
        {
            throw new CosemEncodingException($"Tag {(byte)tag} is not a ciphered initiate or confirmed-service-error APDU.", at, "tag");
        }
        int length = reader.ReadLength("ciphered-content length");
        int start = reader.Position;
        reader.ReadRawBytes(length, "ciphered-content");
        reader.EnsureAtEnd("ciphered APDU");
        return new CipheredUserInformationApdu(tag, apdu.Slice(start, length));
    }

    /// <summary>The tag number and content length; the content itself stays out of logs.</summary>
    public override string ToString() => $"Ciphered APDU {(byte)Tag} ({CipheredContent.Length} bytes)";
}
