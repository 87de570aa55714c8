using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Server;

/// <summary>
/// High level security, mechanisms 3–7, as the server runs it (IEC 62056-5-3 §9.2.7.4): the AARQ must carry a CtoS
/// challenge of 8 to 64 bytes; the AARE answers with a fresh StoC and the association stays pending until the
/// client's reply_to_HLS_authentication carries a correct f(StoC), which is answered with f(CtoS). Mechanisms 5, 6
/// and 7 use the system titles, so the association needs <see cref="IAssociationObject.Security"/> and the client a
/// calling-AP-title; mechanism 5 uses the association's keys and counters, mechanism 7 the server's signing key.
/// </summary>
internal sealed class HighLevelAssociationAuthentication : AssociationAuthentication
{
    private readonly HlsMechanism _mechanism;
    private readonly EccPublicKey? _clientKey;
    private readonly EccKeyPair? _serverKey;
    private HlsAuthentication? _secretBased;

    public HighLevelAssociationAuthentication(HlsMechanism mechanism, ReadOnlySpan<byte> secret)
    {
        if (mechanism is not (HlsMechanism.Md5 or HlsMechanism.Sha1 or HlsMechanism.Sha256))
        {
            throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, "A shared HLS secret serves mechanisms 3, 4 and 6.");
        }
        _mechanism = mechanism;
        _secretBased = FromSecret(mechanism, secret);
    }

    public HighLevelAssociationAuthentication(HlsMechanism mechanism, EccPublicKey? clientKey = null, EccKeyPair? serverKey = null)
    {
        _mechanism = mechanism;
        _clientKey = clientKey;
        _serverKey = serverKey;
    }

    public override MechanismName Mechanism => (MechanismName)(byte)_mechanism;

    public override ValueTask<AuthenticationOutcome> AuthenticateAsync(AarqApdu request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CallingAuthenticationValue is not { Kind: AuthenticationValueKind.CharString } value
            || value.Value.Length is < HlsChallenge.MinLength or > HlsChallenge.MaxLength)
        {
            return ValueTask.FromResult(AuthenticationOutcome.Failed); // pass 1 needs a CtoS of 8 to 64 bytes
        }
        if (_mechanism is HlsMechanism.Gmac or HlsMechanism.Sha256 or HlsMechanism.Ecdsa && request.CallingApTitle is not { Length: SystemTitle.Length })
        {
            return ValueTask.FromResult(AuthenticationOutcome.Failed); // f() binds the client system title
        }
        return ValueTask.FromResult(AuthenticationOutcome.Challenge(HlsChallenge.Generate()));
    }

    public override async ValueTask<ReadOnlyMemory<byte>?> ReplyToChallengeAsync(
        ReadOnlyMemory<byte> clientResponse, AssociationState association, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(association);
        if (association.ClientChallenge is not { } clientChallenge || association.ServerChallenge is not { } serverChallenge)
        {
            return null;
        }
        var security = association.Definition.Security;
        var client = association.ClientTitle ?? default;
        var server = security?.SystemTitle ?? default;
        HlsAuthentication hls;
        try
        {
            hls = _mechanism switch
            {
                HlsMechanism.Md5 or HlsMechanism.Sha1 or HlsMechanism.Sha256 => Volatile.Read(ref _secretBased)!,
                HlsMechanism.Gmac => HlsAuthentication.Gmac(security?.Current.Unicast
                    ?? throw new CosemSecurityException(SecurityFailure.InvalidKey, "HLS mechanism 5 needs the association's keys.")),
                _ => HlsAuthentication.Ecdsa(_serverKey ?? security?.SigningKey, _clientKey),
            };
            // In a ciphered association the reply arrives in a ciphered APDU whose own (later) counter was already
            // checked, and f(StoC) binds this association's fresh StoC, so it cannot be replayed; in the clear its
            // counter joins the replay window: refused before checking, recorded only after.
            var trackCounter = _mechanism == HlsMechanism.Gmac && !association.IsCiphered;
            if (trackCounter)
            {
                security!.ClientCounters.EnsureFresh(client, HlsAuthentication.ReadGmacInvocationCounter(clientResponse.Span));
            }
            var counter = hls.VerifyResponse(server, client, serverChallenge.Span, clientChallenge.Span, clientResponse.Span);
            if (trackCounter && counter is { } accepted)
            {
                security!.AcceptClientCounter(client, accepted);
            }
            var serverCounter = _mechanism == HlsMechanism.Gmac
                ? await security!.NextServerInvocationCounterAsync(cancellationToken).ConfigureAwait(false)
                : 0;
            return hls.ComputeResponse(server, client, clientChallenge.Span, serverChallenge.Span, serverCounter);
        }
        catch (CosemSecurityException)
        {
            return null; // wrong answer, replayed counter or missing key: the association is not established
        }
    }

    public override bool TryChangeSecret(ReadOnlySpan<byte> secret)
    {
        if (_secretBased is null || secret.IsEmpty)
        {
            return false;
        }
        Volatile.Write(ref _secretBased, FromSecret(_mechanism, secret));
        return true;
    }

    public override string ToString() => $"{Mechanism}";

    private static HlsAuthentication FromSecret(HlsMechanism mechanism, ReadOnlySpan<byte> secret) => mechanism switch
    {
        HlsMechanism.Md5 => HlsAuthentication.Md5(secret),
        HlsMechanism.Sha1 => HlsAuthentication.Sha1(secret),
        _ => HlsAuthentication.Sha256(secret),
    };
}
