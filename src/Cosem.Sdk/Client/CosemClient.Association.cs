using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Client;

public sealed partial class CosemClient
{
    // server-max-receive-pdu-size 0 is not a usable size; read it as "no limit below the A-XDR maximum".
    private const int UnlimitedPduSize = 0xFFFF;

    /// <summary>AARQ/AARE (IEC 62056-5-3 §9.3.2), then the authentication's remaining passes.</summary>
    private async ValueTask AssociateAsync(CancellationToken cancellationToken)
    {
        var authentication = Options.Authentication;
        var protection = Options.Protection;
        var initiateRequest = new InitiateRequest
        {
            ProposedConformance = ProposedConformance(),
            ClientMaxReceivePduSize = Options.MaxReceivePduSize,
        };
        if (protection is not null)
        {
            initiateRequest = protection.PrepareInitiate(initiateRequest);
        }
        var initiate = initiateRequest.ToArray();
        var mechanism = authentication.Mechanism;
        var aarq = new AarqApdu
        {
            ApplicationContextName = ProposedContext(protection),
            CallingApTitle = protection?.CallingApTitle ?? authentication.CallingApTitle,
            SenderAcseRequirements = mechanism == MechanismName.None ? null : AcseRequirements.Authentication,
            MechanismName = mechanism == MechanismName.None ? null : mechanism,
            CallingAuthenticationValue = authentication.CreateCallingValue(),
            UserInformation = protection is null ? initiate : (await protection.ProtectAsync(initiate, cancellationToken).ConfigureAwait(false)).ToArray(),
        };
        _request.ResetWrittenCount();
        aarq.Encode(_request);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            ClientLog.Associating(_logger, Options.ClientAddress.Value, Options.ServerAddress.Value, authentication.ToString() ?? mechanism.ToString());
        }

        AareApdu aare;
        using (var answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.Aare, AnyInvokeId, protect: false, cancellationToken).ConfigureAwait(false))
        {
            // The AARE's values are slices of the message: decode a copy that outlives it.
            aare = DecodeAcse<AareApdu>(answer.ToArray(), ApduTag.Aare);
        }
        if (aare.Result != AssociationResult.Accepted)
        {
            throw new CosemAssociationException(aare.Result, aare.ResultSourceDiagnostic, aare.ConfirmedServiceError);
        }
        InitiateResponse response;
        try
        {
            protection?.OnAssociated(aare);
            response = ReadInitiateResponse(aare, protection);
        }
        catch (CosemSecurityException ex)
        {
            throw new CosemAssociationException(ex.Failure, $"The meter's AARE failed the security checks: {ex.Message}", ex);
        }
        NegotiatedConformance = response.NegotiatedConformance;
        NegotiatedDlmsVersion = response.NegotiatedDlmsVersionNumber;
        ServerMaxReceivePduSize = response.ServerMaxReceivePduSize == 0 ? UnlimitedPduSize : response.ServerMaxReceivePduSize;
        AssociationResponse = aare;
        _state = Associated;
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            // Only when logged: a flags enum's text costs a string and a walk of its names per association.
            ClientLog.Associated(_logger, NegotiatedConformance.ToString(), ServerMaxReceivePduSize);
        }
        await authentication.CompleteAsync(this, aare, cancellationToken).ConfigureAwait(false);
        await LoadShortNamesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static InitiateResponse ReadInitiateResponse(AareApdu aare, ApduProtection? protection)
    {
        if (aare.InitiateResponse is { } plain)
        {
            return plain;
        }
        if (protection is not null && aare.UserInformation is { } ciphered && aare.CipheredUserInformation is not null)
        {
            var opened = protection.Unprotect(ciphered);
            return ApduDecoder.Decode(opened) switch
            {
                InitiateResponse response => response,
                ConfirmedServiceError error => throw new CosemAssociationException(aare.Result, aare.ResultSourceDiagnostic, error),
                var other => throw new CosemProtocolException($"The AARE carries {other.GetType().Name} where an InitiateResponse was expected."),
            };
        }
        throw new CosemProtocolException("The meter accepted the association but its AARE carries no InitiateResponse.");
    }

    /// <summary>Throws when the meter did not grant <paramref name="needed"/>: a client never sends what was not negotiated.</summary>
    private void Require(Conformance needed, string what)
    {
        if ((NegotiatedConformance & needed) != needed)
        {
            throw new CosemProtocolException($"The meter did not grant {needed} in this association, so {what} cannot be sent.");
        }
    }

    private bool Granted(Conformance service) => (NegotiatedConformance & service) == service;
}
