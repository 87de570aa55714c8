using Cosem.Sdk.Ber;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// A-ASSOCIATE response, AARE [APPLICATION 1] (IEC 62056-5-3 §9, ISO/IEC 8650-1), with every field the DLMS
/// profile uses. Fields are encoded in the order of the ASN.1 SEQUENCE; decoding accepts them in any order (some
/// meters send responding-AP-title after the authentication value), skips unknown ones and refuses repeats.
/// </summary>
public sealed class AareApdu : AcseApdu
{
    private static readonly BerTag AareTag = BerTag.Application(1, isConstructed: true);

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.Aare;

    /// <summary>protocol-version [0] IMPLICIT BIT STRING DEFAULT {version1}; null when absent.</summary>
    public AcseProtocolVersion? ProtocolVersion { get; init; }

    /// <summary>application-context-name [1]: echoes the proposed one, or the server's when it refuses it.</summary>
    public ApplicationContextName ApplicationContextName { get; init; } = ApplicationContextName.LogicalName;

    /// <summary>result [2].</summary>
    public AssociationResult Result { get; init; }

    /// <summary>result-source-diagnostic [3].</summary>
    public ResultSourceDiagnostic ResultSourceDiagnostic { get; init; } = ResultSourceDiagnostic.None;

    /// <summary>responding-AP-title [4]: the server system title, needed with ciphering and HLS GMAC/ECDSA.</summary>
    public ReadOnlyMemory<byte>? RespondingApTitle { get; init; }

    /// <summary>responding-AE-qualifier [5]: the server's public key certificate (HLS ECDSA).</summary>
    public ReadOnlyMemory<byte>? RespondingAeQualifier { get; init; }

    /// <summary>responding-AP-invocation-id [6].</summary>
    public long? RespondingApInvocationId { get; init; }

    /// <summary>responding-AE-invocation-id [7].</summary>
    public long? RespondingAeInvocationId { get; init; }

    /// <summary>responder-acse-requirements [8] IMPLICIT BIT STRING.</summary>
    public AcseRequirements? ResponderAcseRequirements { get; init; }

    /// <summary>mechanism-name [9] IMPLICIT OBJECT IDENTIFIER.</summary>
    public MechanismName? MechanismName { get; init; }

    /// <summary>responding-authentication-value [10]: the HLS StoC challenge.</summary>
    public AuthenticationValue? RespondingAuthenticationValue { get; init; }

    /// <summary>implementation-information [29] IMPLICIT GraphicString, as raw octets.</summary>
    public ReadOnlyMemory<byte>? ImplementationInformation { get; init; }

    /// <summary>The InitiateResponse in user-information, when accepted and not ciphered.</summary>
    public InitiateResponse? InitiateResponse => UserInformationApdu as InitiateResponse;

    /// <summary>The ConfirmedServiceError in user-information, when the xDLMS context was refused.</summary>
    public ConfirmedServiceError? ConfirmedServiceError => UserInformationApdu as ConfirmedServiceError;

    /// <inheritdoc/>
    public override void Encode(ref BerWriter writer)
    {
        writer.StartConstructed(AareTag);
        if (ProtocolVersion is { } version)
        {
            AcseEncoding.WriteNamedBits(ref writer, (uint)version, BerTag.Context(0));
        }
        AcseEncoding.WriteApplicationContextName(ref writer, ApplicationContextName, BerTag.Context(1, true));
        AcseEncoding.WriteExplicitInteger(ref writer, (int)Result, BerTag.Context(2, true));
        if (ResultSourceDiagnostic.Source is not (AcseDiagnosticSource.ServiceUser or AcseDiagnosticSource.ServiceProvider))
        {
            throw new CosemEncodingException($"Unknown result-source-diagnostic source {(int)ResultSourceDiagnostic.Source}.", writer.BytesWritten, "result-source-diagnostic");
        }
        // result-source-diagnostic [3] EXPLICIT CHOICE { acse-service-user [1], acse-service-provider [2] }, each EXPLICIT INTEGER.
        writer.StartConstructed(BerTag.Context(3, true));
        AcseEncoding.WriteExplicitInteger(ref writer, ResultSourceDiagnostic.Value, BerTag.Context((int)ResultSourceDiagnostic.Source, true));
        writer.EndConstructed();
        AcseEncoding.WriteApplicationEntity(ref writer, 4, RespondingApTitle, RespondingAeQualifier, RespondingApInvocationId, RespondingAeInvocationId);
        WriteAuthenticationAndClose(ref writer, 8, ResponderAcseRequirements, MechanismName, RespondingAuthenticationValue, ImplementationInformation);
    }

    /// <summary>Decodes a whole AARE. Every failure is a <see cref="CosemEncodingException"/>.</summary>
    public static AareApdu Decode(ReadOnlyMemory<byte> apdu)
    {
        var outer = new BerReader(apdu.Span);
        var body = outer.ReadConstructed(AareTag, "AARE");
        outer.EnsureAtEnd("AARE");

        AcseProtocolVersion? protocolVersion = null;
        ApplicationContextName? context = null;
        AssociationResult? result = null;
        ResultSourceDiagnostic? diagnostic = null;
        ReadOnlyMemory<byte>? apTitle = null, aeQualifier = null, implementation = null;
        long? apInvocationId = null, aeInvocationId = null;
        AcseRequirements? requirements = null;
        MechanismName? mechanism = null;
        AuthenticationValue? authentication = null;
        DecodedUserInformation? userInformation = null;
        ulong seen = 0;

        while (!body.IsAtEnd)
        {
            int at = body.AbsolutePosition;
            var tag = body.PeekTag("AARE field");
            if (tag.Class != BerTagClass.ContextSpecific)
            {
                body.Skip("AARE field");
                continue;
            }
            AcseEncoding.MarkSeen(ref seen, tag, at, "AARE");
            switch (tag.Number)
            {
                case 0: protocolVersion = (AcseProtocolVersion)AcseEncoding.ReadNamedBits(ref body, BerTag.Context(0), "protocol-version"); break;
                case 1: context = AcseEncoding.ReadApplicationContextName(ref body, BerTag.Context(1, true)); break;
                case 2:
                    result = (AssociationResult)AcseEncoding.ToInt32(AcseEncoding.ReadExplicitInteger(ref body, BerTag.Context(2, true), "result"), at, "result");
                    break;
                case 3: diagnostic = ReadDiagnostic(ref body); break;
                case 4: apTitle = AcseEncoding.ReadExplicitOctetString(ref body, BerTag.Context(4, true), apdu, "responding-AP-title"); break;
                case 5: aeQualifier = AcseEncoding.ReadExplicitOctetString(ref body, BerTag.Context(5, true), apdu, "responding-AE-qualifier"); break;
                case 6: apInvocationId = AcseEncoding.ReadExplicitInteger(ref body, BerTag.Context(6, true), "responding-AP-invocation-id"); break;
                case 7: aeInvocationId = AcseEncoding.ReadExplicitInteger(ref body, BerTag.Context(7, true), "responding-AE-invocation-id"); break;
                case 8: requirements = (AcseRequirements)AcseEncoding.ReadNamedBits(ref body, BerTag.Context(8), "responder-acse-requirements"); break;
                case 9: mechanism = AcseEncoding.ReadMechanismName(ref body, BerTag.Context(9)); break;
                case 10: authentication = AuthenticationValue.Read(ref body, BerTag.Context(10, true), apdu, "responding-authentication-value"); break;
                case 29:
                    var chars = body.ReadGraphicString("implementation-information", ImplementationInformationTag);
                    implementation = AcseEncoding.Slice(apdu, body, chars.Length);
                    break;
                case 30: userInformation = ReadUserInformation(ref body, apdu); break;
                default: body.Skip("AARE field"); break; // e.g. application-context-name-list [11]: not used by DLMS.
            }
        }
        int end = body.AbsolutePosition;
        var aare = new AareApdu
        {
            ProtocolVersion = protocolVersion,
            ApplicationContextName = context ?? throw Missing("application-context-name [1]", end),
            Result = result ?? throw Missing("result [2]", end),
            ResultSourceDiagnostic = diagnostic ?? throw Missing("result-source-diagnostic [3]", end),
            RespondingApTitle = apTitle,
            RespondingAeQualifier = aeQualifier,
            RespondingApInvocationId = apInvocationId,
            RespondingAeInvocationId = aeInvocationId,
            ResponderAcseRequirements = requirements,
            MechanismName = mechanism,
            RespondingAuthenticationValue = authentication,
            ImplementationInformation = implementation,
        };
        aare.SetUserInformation(userInformation);
        return aare;
    }

    private static ResultSourceDiagnostic ReadDiagnostic(ref BerReader body)
    {
        const string field = "result-source-diagnostic";
        var choice = body.ReadConstructed(BerTag.Context(3, true), field);
        int at = choice.AbsolutePosition;
        var tag = choice.PeekTag(field);
        if (tag.Class != BerTagClass.ContextSpecific || tag.Number is not (1 or 2))
        {
            throw new CosemEncodingException($"Unknown Associate-source-diagnostic alternative {tag}.", at, field);
        }
        long value = AcseEncoding.ReadExplicitInteger(ref choice, BerTag.Context(tag.Number, true), field);
        choice.EnsureAtEnd(field);
        return new ResultSourceDiagnostic((AcseDiagnosticSource)tag.Number, AcseEncoding.ToInt32(value, at, field));
    }

    private static CosemEncodingException Missing(string field, int at) =>
        new($"The mandatory {field} is missing.", at, field);

    /// <summary>
    /// Short diagnostic text: the association result, diagnostic and the optional fields present; for logs, not a wire
    /// format.
    /// </summary>
    public override string ToString() =>
        $"AARE({Result}, {ResultSourceDiagnostic}, {ApplicationContextName}{(UserInformationApdu is { } u ? $", {u}" : "")})";
}
