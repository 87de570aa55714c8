using Cosem.Sdk.Translation.Ber;
using Cosem.Sdk.Translation.Grammar;
using static Cosem.Sdk.Translation.Grammar.G;

namespace Cosem.Sdk.Translation;

/// <summary>
/// The ACSE APDUs AARQ, AARE, RLRQ and RLRE (ISO/IEC 8650-1 as profiled by IEC 62056-5-3 §7.3 and §8), BER
/// encoded, with the xDLMS InitiateRequest/InitiateResponse/ConfirmedServiceError inside user-information.
/// </summary>
internal static class AcseGrammar
{
    // IEC 62056-5-3 §7.3.7.1: {joint-iso-ccitt(2) country(16) country-name(756) identified-organization(5) DLMS-UA(8) ...}
    private static readonly Dictionary<string, string> ApplicationContextNames = new()
    {
        ["2.16.756.5.8.1.1"] = "logical-name-referencing-no-ciphering",
        ["2.16.756.5.8.1.2"] = "short-name-referencing-no-ciphering",
        ["2.16.756.5.8.1.3"] = "logical-name-referencing-with-ciphering",
        ["2.16.756.5.8.1.4"] = "short-name-referencing-with-ciphering",
    };

    private static readonly Dictionary<string, string> MechanismNames = new()
    {
        ["2.16.756.5.8.2.0"] = "lowest-level-security",
        ["2.16.756.5.8.2.1"] = "low-level-security",
        ["2.16.756.5.8.2.2"] = "high-level-security",
        ["2.16.756.5.8.2.3"] = "high-level-security-md5",
        ["2.16.756.5.8.2.4"] = "high-level-security-sha1",
        ["2.16.756.5.8.2.5"] = "high-level-security-gmac",
        ["2.16.756.5.8.2.6"] = "high-level-security-sha256",
        ["2.16.756.5.8.2.7"] = "high-level-security-ecdsa",
    };

    private static readonly GrammarNode ProtocolVersion = new BerBitStringNode("version1");
    private static readonly GrammarNode ContextName = new BerExplicitNode(0x06, new BerOidNode(ApplicationContextNames));
    private static readonly GrammarNode Mechanism = new BerOidNode(MechanismNames);
    private static readonly GrammarNode ExplicitOctets = new BerExplicitNode(0x04, BerOctetsNode.Instance);
    private static readonly GrammarNode ExplicitInteger = new BerExplicitNode(0x02, new BerIntegerNode());
    private static readonly GrammarNode AcseRequirements = new BerBitStringNode("authentication");

    private static readonly GrammarNode AuthenticationValue = new BerChoiceNode(
        new BerField(0x80, "CharString", BerTextNode.Instance),
        new BerField(0x81, "BitString", new BerBitStringNode()),
        new BerField(0xA2, "External", BerOctetsNode.Instance),
        new BerField(0xA3, "OtherMechanism", BerOctetsNode.Instance));

    private static readonly GrammarNode AssociationResult = new BerExplicitNode(0x02, new BerIntegerNode(EnumeratedNames.AssociationResults));

    private static readonly GrammarNode ResultSourceDiagnostic = new BerChoiceNode(
        new BerField(0xA1, "AcseServiceUser", new BerExplicitNode(0x02, new BerIntegerNode(EnumeratedNames.AcseServiceUserDiagnostics))),
        new BerField(0xA2, "AcseServiceProvider", new BerExplicitNode(0x02, new BerIntegerNode(EnumeratedNames.AcseServiceProviderDiagnostics))));

    /// <summary>The four ACSE alternatives of the APDU CHOICE; <paramref name="xdlms"/> decodes user-information.</summary>
    public static IEnumerable<Alternative> Apdus(Func<GrammarNode> xdlms)
    {
        // user-information [30] EXPLICIT Association-information (an OCTET STRING holding the xDLMS APDU).
        var userInformation = new BerExplicitNode(0x04, new DeferredNode(xdlms));

        yield return Alt(0x60, "Aarq", new BerSequenceNode(
            new BerField(0x80, "ProtocolVersion", ProtocolVersion),
            new BerField(0xA1, "ApplicationContextName", ContextName),
            new BerField(0xA2, "CalledApTitle", ExplicitOctets),
            new BerField(0xA3, "CalledAeQualifier", ExplicitOctets),
            new BerField(0xA4, "CalledApInvocationId", ExplicitInteger),
            new BerField(0xA5, "CalledAeInvocationId", ExplicitInteger),
            new BerField(0xA6, "CallingApTitle", ExplicitOctets),
            new BerField(0xA7, "CallingAeQualifier", ExplicitOctets),
            new BerField(0xA8, "CallingApInvocationId", ExplicitInteger),
            new BerField(0xA9, "CallingAeInvocationId", ExplicitInteger),
            new BerField(0x8A, "SenderAcseRequirements", AcseRequirements),
            new BerField(0x8B, "MechanismName", Mechanism),
            new BerField(0xAC, "CallingAuthenticationValue", AuthenticationValue),
            new BerField(0x9D, "ImplementationInformation", BerTextNode.Instance),
            new BerField(0xBE, "UserInformation", userInformation)));

        yield return Alt(0x61, "Aare", new BerSequenceNode(
            new BerField(0x80, "ProtocolVersion", ProtocolVersion),
            new BerField(0xA1, "ApplicationContextName", ContextName),
            new BerField(0xA2, "Result", AssociationResult),
            new BerField(0xA3, "ResultSourceDiagnostic", ResultSourceDiagnostic),
            new BerField(0xA4, "RespondingApTitle", ExplicitOctets),
            new BerField(0xA5, "RespondingAeQualifier", ExplicitOctets),
            new BerField(0xA6, "RespondingApInvocationId", ExplicitInteger),
            new BerField(0xA7, "RespondingAeInvocationId", ExplicitInteger),
            new BerField(0x88, "ResponderAcseRequirements", AcseRequirements),
            new BerField(0x89, "MechanismName", Mechanism),
            new BerField(0xAA, "RespondingAuthenticationValue", AuthenticationValue),
            new BerField(0x9D, "ImplementationInformation", BerTextNode.Instance),
            new BerField(0xBE, "UserInformation", userInformation)));

        yield return Alt(0x62, "Rlrq", new BerSequenceNode(
            new BerField(0x80, "Reason", new BerIntegerNode(EnumeratedNames.ReleaseRequestReasons)),
            new BerField(0xBE, "UserInformation", userInformation)));

        yield return Alt(0x63, "Rlre", new BerSequenceNode(
            new BerField(0x80, "Reason", new BerIntegerNode(EnumeratedNames.ReleaseResponseReasons)),
            new BerField(0xBE, "UserInformation", userInformation)));
    }
}
