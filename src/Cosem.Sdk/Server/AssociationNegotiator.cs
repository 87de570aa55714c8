using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;
using Microsoft.Extensions.Logging;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Server;

/// <summary>
/// The server side of association establishment and release (IEC 62056-5-3 §9.3.2 and §9.3.3): checks an AARQ
/// against the logical device's Association LN objects and answers with an AARE; answers an RLRQ with an RLRE.
/// </summary>
internal static class AssociationNegotiator
{
    // The field name AarqApdu.Decode gives a CosemEncodingException raised in the application-context-name.
    private const string ApplicationContextNameField = "application-context-name";

    /// <summary>
    /// Decides on an AARQ and writes the AARE into <paramref name="response"/> (nothing when the client asked for an
    /// unconfirmed association). Returns the association when accepted (or HLS-pending), null when refused.
    /// </summary>
    public static async ValueTask<AssociationState?> NegotiateAsync(
        ReadOnlyMemory<byte> apdu, LogicalDevice device, IReadOnlyList<LogicalDevice> serverDevices, CosemAddress clientAddress,
        CosemServerOptions options, IBufferWriter<byte> response, SessionRefusals refusals, ILogger logger, CancellationToken cancellationToken)
    {
        var session = refusals.Session;
        AarqApdu aarq;
        try
        {
            aarq = AarqApdu.Decode(apdu);
        }
        catch (CosemEncodingException ex)
        {
            refusals.Record(RefusalReasons.AssociationRefused, $"client {clientAddress} to logical device {device.Address}: malformed AARQ: {ex.Message}");
            // A context name that is missing, not an OBJECT IDENTIFIER, or not a DLMS UA name {2 16 756 5 8 1 x} names
            // no context this server supports: application-context-name-not-supported, as for any other unsupported
            // name (IEC 62056-5-3 §9.3.2, ISO/IEC 8650-1 ACSE service-user diagnostic 2). Other damage: no-reason-given.
            var diagnostic = ex.Field == ApplicationContextNameField
                ? AcseServiceUserDiagnostic.ApplicationContextNameNotSupported
                : AcseServiceUserDiagnostic.NoReasonGiven;
            Refuse(response, ApplicationContextName.LogicalName, ResultSourceDiagnostic.ServiceUser(diagnostic), null);
            return null;
        }

        string Fail(string reason)
        {
            refusals.Record(RefusalReasons.AssociationRefused, $"client {clientAddress} to logical device {device.Address}: {reason}");
            return reason;
        }

        // LN referencing, with ciphering where the association has security (IEC 62056-5-3 §9.3.2: LN is mandatory, SN
        // optional). SN is offered only to a client whose association object is an SN one (Association SN), and such
        // a client only SN; any other context is refused like an unknown name.
        var shortName = aarq.ApplicationContextName is ApplicationContextName.ShortName or ApplicationContextName.ShortNameWithCiphering;
        if (!ShortNameNegotiation.IsContextOffered(aarq.ApplicationContextName, device.FindAssociation(clientAddress)))
        {
            Fail($"application context {aarq.ApplicationContextName} not supported");
            Refuse(response, ApplicationContextName.LogicalName,
                ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.ApplicationContextNameNotSupported), null);
            return null;
        }
        if (aarq.ProtocolVersion is { } version && ((uint)version & 1) == 0)
        {
            Fail("no common ACSE protocol version");
            Refuse(response, aarq.ApplicationContextName,
                ResultSourceDiagnostic.ServiceProvider(AcseServiceProviderDiagnostic.NoCommonAcseVersion), null);
            return null;
        }
        var definition = device.FindAssociation(clientAddress);
        if (definition is null)
        {
            Fail("no association for this client address");
            Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.NoReasonGiven), null);
            return null;
        }

        var security = definition.Security;
        var ciphered = aarq.ApplicationContextName is ApplicationContextName.LogicalNameWithCiphering or ApplicationContextName.ShortNameWithCiphering;
        var snapshot = security?.Current;
        // IEC 62056-5-3 §9.2.2: ciphered APDUs need the context with ciphering; a policy demanding protection needs them.
        if (ciphered ? security is null : snapshot is { Policy: not SecurityPolicy.None })
        {
            Fail($"application context {aarq.ApplicationContextName} does not match the association's security");
            Refuse(response, security is null ? ApplicationContextName.LogicalName : ApplicationContextName.LogicalNameWithCiphering,
                ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.ApplicationContextNameNotSupported), null);
            return null;
        }
        SystemTitle? clientTitle = aarq.CallingApTitle is { Length: SystemTitle.Length } title ? new SystemTitle(title.Span) : null;
        if (security is not null && (ciphered || definition.Authentication.Mechanism is MechanismName.HighGmac or MechanismName.HighSha256 or MechanismName.HighEcdsa))
        {
            if (clientTitle is not { } known || (security.ClientSystemTitle is { } expected && expected != known))
            {
                Fail(clientTitle is null ? "no client system title (calling-AP-title)" : $"client system title {clientTitle} not admitted");
                Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.CallingApTitleNotRecognized), null);
                return null;
            }
        }

        // The xDLMS part: DLMS version, PDU size and conformance (IEC 62056-5-3 §9.4.6.1).
        var initiate = aarq.InitiateRequest;
        SecurityControlByte? initiateProtection = null;
        if (aarq.CipheredUserInformation is { } cipheredInitiate && ciphered && snapshot is not null && clientTitle is { } sender)
        {
            try
            {
                (initiate, initiateProtection) = OpenInitiate(cipheredInitiate, security!, snapshot, sender);
            }
            catch (Exception ex) when (ex is CosemSecurityException or CosemEncodingException)
            {
                // Green Book: an InitiateRequest that cannot be deciphered is refused with a deciphering-error.
                Fail($"ciphered InitiateRequest refused: {ex.Message}");
                Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.NoReasonGiven),
                    new ConfirmedServiceError(ConfirmedServiceKind.InitiateError, ServiceErrorKind.ApplicationReference, (byte)ApplicationReferenceError.DecipheringError));
                return null;
            }
        }
        if (initiate is null)
        {
            Fail(aarq.CipheredUserInformation is null ? "no InitiateRequest in user-information" : "ciphered InitiateRequest without a ciphering context");
            Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.NoReasonGiven),
                ConfirmedServiceError.Initiate(InitiateError.Other));
            return null;
        }
        if (ciphered && initiateProtection is null && snapshot is { Policy: not SecurityPolicy.None })
        {
            Fail($"unciphered InitiateRequest under security policy {snapshot.Policy}");
            Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.NoReasonGiven),
                new ConfirmedServiceError(ConfirmedServiceKind.InitiateError, ServiceErrorKind.ApplicationReference, (byte)ApplicationReferenceError.DecipheringError));
            return null;
        }
        if (initiate.DedicatedKey is { } dedicatedKey && (initiateProtection is not { IsEncrypted: true } || dedicatedKey.Length != snapshot!.Suite.KeyLength()))
        {
            // IEC 62056-5-3 §9.2.3.4.4: the dedicated key travels only in an encrypted InitiateRequest.
            Fail("dedicated key not sent in an encrypted InitiateRequest, or of the wrong length");
            Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.NoReasonGiven),
                ConfirmedServiceError.Initiate(InitiateError.Other));
            return null;
        }
        InitiateError? initiateError = null;
        var clientMaxPdu = initiate.ClientMaxReceivePduSize == 0 ? (ushort)0xFFFF : initiate.ClientMaxReceivePduSize;
        var conformance = ShortNameNegotiation.Negotiate(initiate.ProposedConformance, options.SupportedConformance, shortName);
        if (initiate.ProposedDlmsVersionNumber < 6)
        {
            initiateError = InitiateError.DlmsVersionTooLow;
        }
        else if (clientMaxPdu < options.MinClientPduSize)
        {
            initiateError = InitiateError.PduSizeTooShort;
        }
        else if ((conformance & (Conformance.Get | Conformance.Set | Conformance.Action | Conformance.Read | Conformance.Write)) == 0)
        {
            initiateError = InitiateError.IncompatibleConformance;
        }
        if (initiateError is { } error)
        {
            Fail($"InitiateRequest refused: {error}");
            Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.NoReasonGiven),
                ConfirmedServiceError.Initiate(error));
            return null;
        }

        // Authentication (IEC 62056-5-3 §9.2.7.2): the proposed mechanism must be the one the association requires.
        var proposed = aarq.MechanismName ?? MechanismName.None;
        var required = definition.Authentication.Mechanism;
        if (proposed != required)
        {
            var diagnostic = aarq.MechanismName is null
                ? AcseServiceUserDiagnostic.AuthenticationMechanismNameRequired
                : AcseServiceUserDiagnostic.AuthenticationMechanismNameNotRecognized;
            Fail($"mechanism {proposed} proposed, {required} required");
            Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(diagnostic), null);
            return null;
        }
        AuthenticationOutcome outcome;
        try
        {
            outcome = await definition.Authentication.AuthenticateAsync(aarq, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ServerLog.ObjectFailed(logger, ex, session, $"authentication {required}", "authentication-failure");
            outcome = AuthenticationOutcome.Failed;
        }
        if (!outcome.IsAccepted)
        {
            Fail($"authentication: {outcome.Diagnostic}");
            Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(outcome.Diagnostic), null);
            return null;
        }

        var association = new AssociationState(device, serverDevices, definition, clientAddress, aarq.ApplicationContextName, conformance,
            clientMaxPdu, options.MaxReceivePduSize, aarq.CallingApTitle?.ToArray()) // the AARQ's buffer is reused after this request
        {
            Status = outcome.IsPending ? AssociationStatus.AssociationPending : AssociationStatus.Associated,
            ClientChallenge = outcome.IsPending ? aarq.CallingAuthenticationValue?.Value.ToArray() : null,
            ServerChallenge = outcome.ServerChallenge,
            DedicatedCipher = initiate.DedicatedKey is { } key ? new ApduCipher(snapshot!.Suite, key.Span, snapshot.Keys!.AuthenticationKey) : null,
        };
        if (initiate.ResponseAllowed)
        {
            var initiateResponse = new InitiateResponse
            {
                NegotiatedDlmsVersionNumber = 6,
                NegotiatedConformance = conformance,
                ServerMaxReceivePduSize = options.MaxReceivePduSize,
                VaaName = shortName ? InitiateResponse.VaaNameShortName : InitiateResponse.VaaNameLogicalName,
            };
            ReadOnlyMemory<byte> userInformation = initiateResponse.ToArray();
            if (initiateProtection is { } control)
            {
                // The InitiateResponse goes back as glo-initiate-response under the request's protection.
                var counter = await security!.NextServerInvocationCounterAsync(cancellationToken).ConfigureAwait(false);
                var protectedResponse = new ArrayBufferWriter<byte>(ApduEnvelope.GetLength(control, userInformation.Length, general: false));
                ApduEnvelope.Write(snapshot!.Unicast!, ApduTag.GloInitiateResponse, control, security.SystemTitle, counter,
                    userInformation.Span, protectedResponse);
                userInformation = protectedResponse.WrittenMemory;
            }
            var aare = new AareApdu
            {
                ApplicationContextName = aarq.ApplicationContextName,
                Result = AssociationResult.Accepted,
                ResultSourceDiagnostic = ResultSourceDiagnostic.ServiceUser(outcome.Diagnostic),
                RespondingApTitle = security is null ? null : (ReadOnlyMemory<byte>?)security.SystemTitle.ToArray(),
                // HLS answers with its mechanism and the StoC challenge (IEC 62056-5-3 §9.2.7.2.3, pass 2).
                ResponderAcseRequirements = outcome.ServerChallenge is null ? null : AcseRequirements.Authentication,
                MechanismName = outcome.ServerChallenge is null ? null : required,
                RespondingAuthenticationValue = outcome.ServerChallenge is { } challenge ? AuthenticationValue.CharString(challenge) : null,
                UserInformation = userInformation,
            };
            aare.Encode(response);
        }
        if (logger.IsEnabled(LogLevel.Information))
        {
            // Only when logged: a flags enum's text costs a string and a walk of its names per association.
            ServerLog.Associated(logger, session, clientAddress.Value, device.Address.Value, required.ToString(), conformance.ToString(), clientMaxPdu);
        }
        return association;
    }

    /// <summary>
    /// Opens a glo-initiate-request (IEC 62056-5-3 §9.2.7.2.4): the client's counter must be fresh, the tag must
    /// verify under the global unicast key and the client system title, and the protection must meet the policy.
    /// </summary>
    private static (InitiateRequest Request, SecurityControlByte Protection) OpenInitiate(CipheredUserInformationApdu ciphered,
        AssociationSecurity security, AssociationSecurity.Snapshot snapshot, SystemTitle client)
    {
        if (ciphered.Tag != ApduTag.GloInitiateRequest || snapshot.Unicast is not { } cipher)
        {
            throw new CosemSecurityException(SecurityFailure.UnsupportedProtection,
                $"a ciphered InitiateRequest with tag {(byte)ciphered.Tag} cannot be opened (glo-initiate-request under the global key is expected)");
        }
        var content = ciphered.CipheredContent.Span;
        var header = SecurityHeader.Read(content);
        if (!snapshot.Policy.IsSatisfiedBy(header.Control) || !(header.Control.IsAuthenticated || header.Control.IsEncrypted))
        {
            throw new CosemSecurityException(SecurityFailure.UnsupportedProtection,
                $"the InitiateRequest is protected with {header.Control}, less than security policy {snapshot.Policy} requires");
        }
        security.ClientCounters.EnsureFresh(client, header.InvocationCounter);
        var plain = cipher.Unprotect(client, content, out _);
        security.AcceptClientCounter(client, header.InvocationCounter);
        return (InitiateRequest.Decode(plain), header.Control);
    }

    /// <summary>
    /// Writes a rejected AARE. IEC 62056-5-3 §9.3.2: when the xDLMS part is refused, user-information carries a
    /// ConfirmedServiceError (initiateError); when the refusal is the ACSE's (context, protocol version, titles,
    /// mechanism, authentication) no xDLMS context was negotiated, so user-information is left out rather than
    /// carrying a positive InitiateResponse for an association that does not exist. (Some Green Book examples show an
    /// InitiateResponse there; clients, ours included, must accept both forms and read the diagnostic.)
    /// </summary>
    private static void Refuse(IBufferWriter<byte> response, ApplicationContextName context, ResultSourceDiagnostic diagnostic,
        ConfirmedServiceError? xdlmsError)
    {
        var aare = new AareApdu
        {
            ApplicationContextName = context,
            Result = AssociationResult.RejectedPermanent,
            ResultSourceDiagnostic = diagnostic,
            UserInformationApdu = xdlmsError,
        };
        aare.Encode(response);
    }

    /// <summary>Answers an RLRQ (IEC 62056-5-3 §9.3.3): RLRE with reason normal.</summary>
    public static void Release(ReadOnlyMemory<byte> apdu, IBufferWriter<byte> response)
    {
        try
        {
            _ = RlrqApdu.Decode(apdu);
        }
        catch (CosemEncodingException)
        {
            // A malformed RLRQ still ends the association: the client wants out.
        }
        new RlreApdu { Reason = ReleaseResponseReason.Normal }.Encode(response);
    }
}
