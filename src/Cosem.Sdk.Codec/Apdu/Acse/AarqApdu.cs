using Cosem.Sdk.Ber;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// A-ASSOCIATE request, AARQ [APPLICATION 0] (IEC 62056-5-3 §9, ISO/IEC 8650-1), with every field the DLMS
/// profile uses. Fields are encoded in the order of the ASN.1 SEQUENCE; decoding accepts them in any order,
/// skips unknown ones and refuses repeats.
/// </summary>
public sealed class AarqApdu : AcseApdu
{
    private static readonly BerTag AarqTag = BerTag.Application(0, isConstructed: true);

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.Aarq;

    /// <summary>protocol-version [0] IMPLICIT BIT STRING DEFAULT {version1}; null when absent.</summary>
    public AcseProtocolVersion? ProtocolVersion { get; init; }

    /// <summary>application-context-name [1]: referencing and ciphering of the association.</summary>
    public ApplicationContextName ApplicationContextName { get; init; } = ApplicationContextName.LogicalName;

    /// <summary>called-AP-title [2].</summary>
    public ReadOnlyMemory<byte>? CalledApTitle { get; init; }

    /// <summary>called-AE-qualifier [3].</summary>
    public ReadOnlyMemory<byte>? CalledAeQualifier { get; init; }

    /// <summary>called-AP-invocation-id [4].</summary>
    public long? CalledApInvocationId { get; init; }

    /// <summary>called-AE-invocation-id [5].</summary>
    public long? CalledAeInvocationId { get; init; }

    /// <summary>calling-AP-title [6]: the client system title, needed with ciphering and HLS GMAC/ECDSA.</summary>
    public ReadOnlyMemory<byte>? CallingApTitle { get; init; }

    /// <summary>calling-AE-qualifier [7]: the client's public key certificate (HLS ECDSA, suites 1 and 2).</summary>
    public ReadOnlyMemory<byte>? CallingAeQualifier { get; init; }

    /// <summary>calling-AP-invocation-id [8].</summary>
    public long? CallingApInvocationId { get; init; }

    /// <summary>calling-AE-invocation-id [9]: in DLMS, the client user identification.</summary>
    public long? CallingAeInvocationId { get; init; }

    /// <summary>sender-acse-requirements [10] IMPLICIT BIT STRING: authentication functional unit.</summary>
    public AcseRequirements? SenderAcseRequirements { get; init; }

    /// <summary>mechanism-name [11] IMPLICIT OBJECT IDENTIFIER.</summary>
    public MechanismName? MechanismName { get; init; }

    /// <summary>calling-authentication-value [12]: LLS password or HLS CtoS challenge.</summary>
    public AuthenticationValue? CallingAuthenticationValue { get; init; }

    /// <summary>implementation-information [29] IMPLICIT GraphicString, as raw octets.</summary>
    public ReadOnlyMemory<byte>? ImplementationInformation { get; init; }

    /// <summary>The InitiateRequest in user-information, when not ciphered.</summary>
    public InitiateRequest? InitiateRequest => UserInformationApdu as InitiateRequest;

    /// <inheritdoc/>
    public override void Encode(ref BerWriter writer)
    {
        writer.StartConstructed(AarqTag);
        if (ProtocolVersion is { } version)
        {
            AcseEncoding.WriteNamedBits(ref writer, (uint)version, BerTag.Context(0));
        }
        AcseEncoding.WriteApplicationContextName(ref writer, ApplicationContextName, BerTag.Context(1, true));
        AcseEncoding.WriteApplicationEntity(ref writer, 2, CalledApTitle, CalledAeQualifier, CalledApInvocationId, CalledAeInvocationId);
        AcseEncoding.WriteApplicationEntity(ref writer, 6, CallingApTitle, CallingAeQualifier, CallingApInvocationId, CallingAeInvocationId);
        WriteAuthenticationAndClose(ref writer, 10, SenderAcseRequirements, MechanismName, CallingAuthenticationValue, ImplementationInformation);
    }

    /// <summary>Decodes a whole AARQ. Every failure is a <see cref="CosemEncodingException"/>.</summary>
    public static AarqApdu Decode(ReadOnlyMemory<byte> apdu)
    {
        var outer = new BerReader(apdu.Span);
        var body = outer.ReadConstructed(AarqTag, "AARQ");
        outer.EnsureAtEnd("AARQ");

        AcseProtocolVersion? protocolVersion = null;
        ApplicationContextName? context = null;
        ReadOnlyMemory<byte>? calledApTitle = null, calledAeQualifier = null, callingApTitle = null, callingAeQualifier = null;
        ReadOnlyMemory<byte>? implementation = null;
        long? calledApInvocationId = null, calledAeInvocationId = null, callingApInvocationId = null, callingAeInvocationId = null;
        AcseRequirements? requirements = null;
        MechanismName? mechanism = null;
        AuthenticationValue? authentication = null;
        DecodedUserInformation? userInformation = null;
        ulong seen = 0;

        while (!body.IsAtEnd)
        {
            int at = body.AbsolutePosition;
            var tag = body.PeekTag("AARQ field");
            if (tag.Class != BerTagClass.ContextSpecific)
            {
                body.Skip("AARQ field");
                continue;
            }
            AcseEncoding.MarkSeen(ref seen, tag, at, "AARQ");
            switch (tag.Number)
            {
                case 0: protocolVersion = (AcseProtocolVersion)AcseEncoding.ReadNamedBits(ref body, BerTag.Context(0), "protocol-version"); break;
                case 1: context = AcseEncoding.ReadApplicationContextName(ref body, BerTag.Context(1, true)); break;
                case 2: calledApTitle = AcseEncoding.ReadExplicitOctetString(ref body, BerTag.Context(2, true), apdu, "called-AP-title"); break;
                case 3: calledAeQualifier = AcseEncoding.ReadExplicitOctetString(ref body, BerTag.Context(3, true), apdu, "called-AE-qualifier"); break;
                case 4: calledApInvocationId = AcseEncoding.ReadExplicitInteger(ref body, BerTag.Context(4, true), "called-AP-invocation-id"); break;
                case 5: calledAeInvocationId = AcseEncoding.ReadExplicitInteger(ref body, BerTag.Context(5, true), "called-AE-invocation-id"); break;
                case 6: callingApTitle = AcseEncoding.ReadExplicitOctetString(ref body, BerTag.Context(6, true), apdu, "calling-AP-title"); break;
                case 7: callingAeQualifier = AcseEncoding.ReadExplicitOctetString(ref body, BerTag.Context(7, true), apdu, "calling-AE-qualifier"); break;
                case 8: callingApInvocationId = AcseEncoding.ReadExplicitInteger(ref body, BerTag.Context(8, true), "calling-AP-invocation-id"); break;
                case 9: callingAeInvocationId = AcseEncoding.ReadExplicitInteger(ref body, BerTag.Context(9, true), "calling-AE-invocation-id"); break;
                case 10: requirements = (AcseRequirements)AcseEncoding.ReadNamedBits(ref body, BerTag.Context(10), "sender-acse-requirements"); break;
                case 11: mechanism = AcseEncoding.ReadMechanismName(ref body, BerTag.Context(11)); break;
                case 12: authentication = AuthenticationValue.Read(ref body, BerTag.Context(12, true), apdu, "calling-authentication-value"); break;
                case 29:
                    var chars = body.ReadGraphicString("implementation-information", ImplementationInformationTag);
                    implementation = AcseEncoding.Slice(apdu, body, chars.Length);
                    break;
                case 30: userInformation = ReadUserInformation(ref body, apdu); break;
                default: body.Skip("AARQ field"); break; // e.g. application-context-name-list [13]: not used by DLMS.
            }
        }
        if (context is null)
        {
            throw new CosemEncodingException("The mandatory application-context-name [1] is missing.", body.AbsolutePosition, "application-context-name");
        }
        var aarq = new AarqApdu
        {
            ProtocolVersion = protocolVersion,
            ApplicationContextName = context.Value,
            CalledApTitle = calledApTitle,
            CalledAeQualifier = calledAeQualifier,
            CalledApInvocationId = calledApInvocationId,
            CalledAeInvocationId = calledAeInvocationId,
            CallingApTitle = callingApTitle,
            CallingAeQualifier = callingAeQualifier,
            CallingApInvocationId = callingApInvocationId,
            CallingAeInvocationId = callingAeInvocationId,
            SenderAcseRequirements = requirements,
            MechanismName = mechanism,
            CallingAuthenticationValue = authentication,
            ImplementationInformation = implementation,
        };
        aarq.SetUserInformation(userInformation);
        return aarq;
    }

    /// <summary>
    /// Short diagnostic text: the application context, mechanism and the optional fields present; for logs, not a wire
    /// format.
    /// </summary>
    public override string ToString() =>
        $"AARQ({ApplicationContextName}{(MechanismName is { } m ? $", {m}" : "")}{(UserInformationApdu is { } u ? $", {u}" : "")})";
}
