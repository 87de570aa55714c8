using System.Buffers;
using Cosem.Sdk.Apdu;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Server;

/// <summary>
/// The server side of association establishment and release (IEC 62056-5-3 §9.3.2 and §9.3.3): checks an AARQ
/// against the logical device's Association LN objects and answers with an AARE; answers an RLRQ with an RLRE.
/// </summary>
internal static class AssociationNegotiator
{
    /// <summary>
    /// Decides on an AARQ and writes the AARE into <paramref name="response"/> (nothing when the client asked for an
    /// unconfirmed association). Returns the association when accepted (or HLS-pending), null when refused.
    /// </summary>
    public static async ValueTask<ServerAssociation?> NegotiateAsync(
        ReadOnlyMemory<byte> apdu, LogicalDevice device, ushort clientAddress, CosemServerOptions options,
        IBufferWriter<byte> response, long session, ILogger logger, CancellationToken cancellationToken)
    {
        AarqApdu aarq;
        try
        {
            aarq = AarqApdu.Decode(apdu);
        }
        catch (CosemEncodingException ex)
        {
            ServerLog.AssociationRefused(logger, session, clientAddress, device.Address, $"malformed AARQ: {ex.Message}");
            Refuse(response, ApplicationContextName.LogicalName, ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.NoReasonGiven), options, null);
            return null;
        }

        string Fail(string reason)
        {
            ServerLog.AssociationRefused(logger, session, clientAddress, device.Address, reason);
            return reason;
        }

        // Only LN referencing without ciphering is offered here (IEC 62056-5-3 §9.3.2: LN is mandatory, SN optional).
        if (aarq.ApplicationContextName != ApplicationContextName.LogicalName)
        {
            Fail($"application context {aarq.ApplicationContextName} not supported");
            Refuse(response, ApplicationContextName.LogicalName,
                ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.ApplicationContextNameNotSupported), options, null);
            return null;
        }
        if (aarq.ProtocolVersion is { } version && ((uint)version & 1) == 0)
        {
            Fail("no common ACSE protocol version");
            Refuse(response, aarq.ApplicationContextName,
                ResultSourceDiagnostic.ServiceProvider(AcseServiceProviderDiagnostic.NoCommonAcseVersion), options, null);
            return null;
        }
        var definition = device.FindAssociation(clientAddress);
        if (definition is null)
        {
            Fail("no association for this client address");
            Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.NoReasonGiven), options, null);
            return null;
        }

        // The xDLMS part: DLMS version, PDU size and conformance (IEC 62056-5-3 §9.4.6.1).
        if (aarq.InitiateRequest is not { } initiate)
        {
            Fail(aarq.CipheredUserInformation is null ? "no InitiateRequest in user-information" : "ciphered InitiateRequest without a ciphering context");
            Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.NoReasonGiven), options,
                ConfirmedServiceError.Initiate(InitiateError.Other));
            return null;
        }
        InitiateError? initiateError = null;
        var clientMaxPdu = initiate.ClientMaxReceivePduSize == 0 ? (ushort)0xFFFF : initiate.ClientMaxReceivePduSize;
        var conformance = initiate.ProposedConformance & options.SupportedConformance;
        if (initiate.ProposedDlmsVersionNumber < 6)
        {
            initiateError = InitiateError.DlmsVersionTooLow;
        }
        else if (clientMaxPdu < options.MinClientPduSize)
        {
            initiateError = InitiateError.PduSizeTooShort;
        }
        else if ((conformance & (Conformance.Get | Conformance.Set | Conformance.Action)) == 0)
        {
            initiateError = InitiateError.IncompatibleConformance;
        }
        if (initiateError is { } error)
        {
            Fail($"InitiateRequest refused: {error}");
            Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.NoReasonGiven), options,
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
            Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(diagnostic), options, null);
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
            Refuse(response, aarq.ApplicationContextName, ResultSourceDiagnostic.ServiceUser(outcome.Diagnostic), options, null);
            return null;
        }

        var association = new ServerAssociation(device, definition, clientAddress, aarq.ApplicationContextName, conformance,
            clientMaxPdu, options.MaxReceivePduSize, aarq.CallingApTitle)
        {
            Status = outcome.IsPending ? ServerAssociationStatus.AssociationPending : ServerAssociationStatus.Associated,
        };
        if (initiate.ResponseAllowed)
        {
            var aare = new AareApdu
            {
                ApplicationContextName = aarq.ApplicationContextName,
                Result = AssociationResult.Accepted,
                ResultSourceDiagnostic = ResultSourceDiagnostic.ServiceUser(outcome.Diagnostic),
                // HLS answers with its mechanism and the StoC challenge (IEC 62056-5-3 §9.2.7.2.3, pass 2).
                ResponderAcseRequirements = outcome.ServerChallenge is null ? null : AcseRequirements.Authentication,
                MechanismName = outcome.ServerChallenge is null ? null : required,
                RespondingAuthenticationValue = outcome.ServerChallenge is { } challenge ? AuthenticationValue.CharString(challenge) : null,
                UserInformationApdu = new InitiateResponse
                {
                    NegotiatedDlmsVersionNumber = 6,
                    NegotiatedConformance = conformance,
                    ServerMaxReceivePduSize = options.MaxReceivePduSize,
                    VaaName = InitiateResponse.VaaNameLogicalName,
                },
            };
            aare.Encode(response);
        }
        ServerLog.Associated(logger, session, clientAddress, device.Address, required.ToString(), conformance.ToString(), clientMaxPdu);
        return association;
    }

    private static void Refuse(IBufferWriter<byte> response, ApplicationContextName context, ResultSourceDiagnostic diagnostic,
        CosemServerOptions options, ConfirmedServiceError? initiateError)
    {
        var aare = new AareApdu
        {
            ApplicationContextName = context,
            Result = AssociationResult.RejectedPermanent,
            ResultSourceDiagnostic = diagnostic,
            // A refused xDLMS context is explained by a ConfirmedServiceError; otherwise the server still states
            // what it would offer (IEC 62056-5-3 §9.3.2, the Green Book rejected-AARE example).
            UserInformationApdu = initiateError ?? (Cosem.Sdk.Apdu.Apdu)new InitiateResponse
            {
                NegotiatedDlmsVersionNumber = 6,
                NegotiatedConformance = options.SupportedConformance,
                ServerMaxReceivePduSize = options.MaxReceivePduSize,
                VaaName = InitiateResponse.VaaNameLogicalName,
            },
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
