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
    public CipheredUserInformationApdu(ApduTag tag, ReadOnlyMemory<byte> cipheredContent)
    {
        if (!InitiateApduTag.IsCipheredUserInformation(tag))
        {
            throw new ArgumentOutOfRangeException(nameof(tag), tag, "Not a ciphered initiate or confirmed-service-error tag.");
        }
        Tag = tag;
        CipheredContent = cipheredContent;
    }

    public override ApduTag Tag { get; }

    /// <summary>The octet string after the tag: security control, invocation counter, ciphertext and tag.</summary>
    public ReadOnlyMemory<byte> CipheredContent { get; }

    /// <summary>True for the dedicated-key forms (65, 72, 78).</summary>
    public bool IsDedicated => Tag is InitiateApduTag.DedInitiateRequest or InitiateApduTag.DedInitiateResponse or ApduTag.DedConfirmedServiceError;

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
        if (!InitiateApduTag.IsCipheredUserInformation(tag))
        {
            throw new CosemEncodingException($"Tag {(byte)tag} is not a ciphered initiate or confirmed-service-error APDU.", at, "tag");
        }
        int length = reader.ReadLength("ciphered-content length");
        int start = reader.Position;
        reader.ReadRawBytes(length, "ciphered-content");
        reader.EnsureAtEnd("ciphered APDU");
        return new CipheredUserInformationApdu(tag, apdu.Slice(start, length));
    }

    public override string ToString() => $"Ciphered APDU {(byte)Tag} ({CipheredContent.Length} bytes)";
}
