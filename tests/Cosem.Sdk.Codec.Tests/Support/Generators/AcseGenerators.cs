using Cosem.Sdk.Apdu;
using CsCheck;

namespace Cosem.Sdk.Codec.Tests.Support.Generators;

/// <summary>Generators of InitiateRequest/Response and the ACSE APDUs (AARQ, AARE, RLRQ, RLRE) that carry them.</summary>
internal static class AcseGenerators
{
    private static Gen<ReadOnlyMemory<byte>?> OptionalOctets(int max) =>
        AxdrGenerators.Bytes(max).Select(b => (ReadOnlyMemory<byte>)b).Nullable();

    public static readonly Gen<Conformance> ConformanceGen = Gen.UInt[0, 0xFFFFFF].Select(v => (Conformance)v);

    public static readonly Gen<InitiateRequest> InitiateRequestGen =
        Gen.Select(OptionalOctets(32), Gen.Bool, Gen.SByte.Nullable(), Gen.Byte, ConformanceGen, Gen.UShort,
            (key, response, qos, version, conformance, size) => new InitiateRequest
            {
                DedicatedKey = key,
                ResponseAllowed = response,
                ProposedQualityOfService = qos,
                ProposedDlmsVersionNumber = version,
                ProposedConformance = conformance,
                ClientMaxReceivePduSize = size,
            });

    public static readonly Gen<InitiateResponse> InitiateResponseGen =
        Gen.Select(Gen.SByte.Nullable(), Gen.Byte, ConformanceGen, Gen.UShort, Gen.UShort,
            (qos, version, conformance, size, vaa) => new InitiateResponse
            {
                NegotiatedQualityOfService = qos,
                NegotiatedDlmsVersionNumber = version,
                NegotiatedConformance = conformance,
                ServerMaxReceivePduSize = size,
                VaaName = vaa,
            });

    public static readonly Gen<AuthenticationValue> Authentication = Gen.OneOf(
        AxdrGenerators.Bytes(64).Select(b => AuthenticationValue.CharString(b)),
        Gen.Select(AxdrGenerators.Bytes(32), Gen.Int[0, 7], (b, u) => AuthenticationValue.BitString(b, b.Length == 0 ? 0 : u)));

    private static readonly Gen<long?> InvocationId = Gen.Long.Nullable();

    private static readonly Gen<MechanismName?> Mechanism = Gen.Enum<MechanismName>().Nullable();

    private static readonly Gen<AcseRequirements?> Requirements = Gen.OneOf(AcseRequirements.None, AcseRequirements.Authentication).Nullable();

    private static readonly Gen<AcseProtocolVersion?> Version = Gen.Const(AcseProtocolVersion.Version1).Nullable();

    private static readonly Gen<ReadOnlyMemory<byte>?> Implementation =
        Gen.Char[' ', '~'].Array[0, 20].Select(c => (ReadOnlyMemory<byte>)System.Text.Encoding.ASCII.GetBytes(c)).Nullable();

    private static readonly Gen<Cosem.Sdk.Apdu.Apdu?> RequestInformation =
        Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(InitiateRequestGen, CipheredGenerators.UserInformation.Where(u => u.Tag is ApduTag.GloInitiateRequest or ApduTag.DedInitiateRequest))
            .Null();

    private static readonly Gen<Cosem.Sdk.Apdu.Apdu?> ResponseInformation =
        Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(InitiateResponseGen, ServiceGenerators.ConfirmedServiceErrorGen,
            CipheredGenerators.UserInformation.Where(u => u.Tag is ApduTag.GloInitiateResponse or ApduTag.DedInitiateResponse))
            .Null();

    public static readonly Gen<AarqApdu> Aarq =
        Gen.Select(
            Gen.Select(Version, Gen.Enum<ApplicationContextName>(), OptionalOctets(16), OptionalOctets(8), InvocationId, InvocationId),
            Gen.Select(OptionalOctets(16), OptionalOctets(8), InvocationId, InvocationId),
            Gen.Select(Requirements, Mechanism, Authentication.Null(), Implementation, RequestInformation),
            (called, calling, rest) => new AarqApdu
            {
                ProtocolVersion = called.Item1,
                ApplicationContextName = called.Item2,
                CalledApTitle = called.Item3,
                CalledAeQualifier = called.Item4,
                CalledApInvocationId = called.Item5,
                CalledAeInvocationId = called.Item6,
                CallingApTitle = calling.Item1,
                CallingAeQualifier = calling.Item2,
                CallingApInvocationId = calling.Item3,
                CallingAeInvocationId = calling.Item4,
                SenderAcseRequirements = rest.Item1,
                MechanismName = rest.Item2,
                CallingAuthenticationValue = rest.Item3,
                ImplementationInformation = rest.Item4,
                UserInformationApdu = rest.Item5,
            });

    public static readonly Gen<ResultSourceDiagnostic> Diagnostic = Gen.OneOf(
        Gen.Enum<AcseServiceUserDiagnostic>().Select(ResultSourceDiagnostic.ServiceUser),
        Gen.Enum<AcseServiceProviderDiagnostic>().Select(ResultSourceDiagnostic.ServiceProvider));

    public static readonly Gen<AareApdu> Aare =
        Gen.Select(
            Gen.Select(Version, Gen.Enum<ApplicationContextName>(), Gen.Enum<AssociationResult>(), Diagnostic),
            Gen.Select(OptionalOctets(16), OptionalOctets(8), InvocationId, InvocationId),
            Gen.Select(Requirements, Mechanism, Authentication.Null(), Implementation, ResponseInformation),
            (head, responding, rest) => new AareApdu
            {
                ProtocolVersion = head.Item1,
                ApplicationContextName = head.Item2,
                Result = head.Item3,
                ResultSourceDiagnostic = head.Item4,
                RespondingApTitle = responding.Item1,
                RespondingAeQualifier = responding.Item2,
                RespondingApInvocationId = responding.Item3,
                RespondingAeInvocationId = responding.Item4,
                ResponderAcseRequirements = rest.Item1,
                MechanismName = rest.Item2,
                RespondingAuthenticationValue = rest.Item3,
                ImplementationInformation = rest.Item4,
                UserInformationApdu = rest.Item5,
            });

    public static readonly Gen<RlrqApdu> Rlrq =
        Gen.Select(Gen.Enum<ReleaseRequestReason>().Nullable(), RequestInformation,
            (reason, information) => new RlrqApdu { Reason = reason, UserInformationApdu = information });

    public static readonly Gen<RlreApdu> Rlre =
        Gen.Select(Gen.Enum<ReleaseResponseReason>().Nullable(), ResponseInformation,
            (reason, information) => new RlreApdu { Reason = reason, UserInformationApdu = information });

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> Acse = Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(Aarq, Aare, Rlrq, Rlre);

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> Initiate = Gen.OneOf<Cosem.Sdk.Apdu.Apdu>(InitiateRequestGen, InitiateResponseGen);
}
