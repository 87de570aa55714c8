using Cosem.Sdk.Ber;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// A-RELEASE response, RLRE [APPLICATION 3] (IEC 62056-5-3 §9, ISO/IEC 8650-1): an optional reason and optional
/// user-information (a ciphered InitiateResponse when the association used ciphering).
/// </summary>
public sealed class RlreApdu : AcseApdu
{
    private static readonly BerTag RlreTag = BerTag.Application(3, isConstructed: true);

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.Rlre;

    /// <summary>reason [0] IMPLICIT Release-response-reason OPTIONAL.</summary>
    public ReleaseResponseReason? Reason { get; init; }

    /// <summary>The InitiateResponse in user-information, when present and not ciphered.</summary>
    public InitiateResponse? InitiateResponse => UserInformationApdu as InitiateResponse;

    /// <inheritdoc/>
    public override void Encode(ref BerWriter writer)
    {
        writer.StartConstructed(RlreTag);
        if (Reason is { } reason)
        {
            writer.WriteInteger((int)reason, BerTag.Context(0));
        }
        WriteUserInformation(ref writer);
        writer.EndConstructed();
    }

    /// <summary>Decodes a whole RLRE. Every failure is a <see cref="CosemEncodingException"/>.</summary>
    public static RlreApdu Decode(ReadOnlyMemory<byte> apdu)
    {
        var fields = RlrqApdu.ReleaseFields.Decode(apdu, RlreTag, "RLRE");
        var rlre = new RlreApdu { Reason = (ReleaseResponseReason?)fields.Reason };
        rlre.SetUserInformation(fields.UserInformation);
        return rlre;
    }

    /// <summary>Short diagnostic text: the release reason and whether user-information is present; for logs.</summary>
    public override string ToString() => $"RLRE({(Reason is { } r ? r.ToString() : "no reason")}{(UserInformation.HasValue ? ", user-information" : "")})";
}
