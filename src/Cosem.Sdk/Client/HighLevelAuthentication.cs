using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

/// <summary>
/// High level security, mechanisms 3–7 (IEC 62056-5-3 §9.2.7.4): pass 1 sends the CtoS challenge in the AARQ, pass 2
/// brings StoC in the AARE, pass 3 answers it with f(StoC) through reply_to_HLS_authentication (Association LN
/// method 1 on the current association 0.0.40.0.0.255; under SN referencing Association SN method 8 at 0xFA58), pass 4 checks the meter's f(CtoS) in the ACTION result.
/// </summary>
internal sealed class HighLevelAuthentication : Authentication
{
    /// <summary>reply_to_HLS_authentication of the current association (Blue Book §4.4.4).</summary>
    private static readonly CosemMethodDescriptor ReplyMethod = new(15, new ObisCode(0, 0, 40, 0, 0, 255), 1);

    /// <summary>reply_to_HLS_authentication of the current Association SN (Blue Book §4.4.3, method 8): under SN referencing.</summary>
    private static readonly CosemMethodDescriptor ShortNameReplyMethod = new(12, new ObisCode(0, 0, 40, 0, 0, 255), 8);

    // The CtoS of the association being opened, per async flow so one instance may open several at once.
    private readonly AsyncLocal<byte[]?> _challenge = new();
    private readonly HlsMechanism _mechanism;
    private readonly ClientSecurity _security;
    private readonly HlsAuthentication _hls;
    private readonly byte[] _title;

    public HighLevelAuthentication(HlsMechanism mechanism, ClientSecurity security)
    {
        ArgumentNullException.ThrowIfNull(security);
        _mechanism = mechanism;
        _security = security;
        _title = security.SystemTitle.ToArray();
        var context = security.Context;
        _hls = mechanism switch
        {
            HlsMechanism.Md5 => HlsAuthentication.Md5(RequireSecret(context)),
            HlsMechanism.Sha1 => HlsAuthentication.Sha1(RequireSecret(context)),
            HlsMechanism.Sha256 => HlsAuthentication.Sha256(RequireSecret(context)),
            HlsMechanism.Gmac => HlsAuthentication.Gmac(security.GlobalCipher),
            HlsMechanism.Ecdsa => HlsAuthentication.Ecdsa(
                context.KeyPair ?? throw new CosemSecurityException(SecurityFailure.InvalidKey, "HLS mechanism 7 needs the client's signing key."),
                context.PeerPublicKey ?? throw new CosemSecurityException(SecurityFailure.InvalidKey, "HLS mechanism 7 needs the meter's public signing key.")),
            _ => throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, "High level security mechanisms are 3 to 7."),
        };
    }

    public override MechanismName Mechanism => (MechanismName)(byte)_mechanism;

    protected internal override ReadOnlyMemory<byte>? CallingApTitle => _title;

    protected internal override AuthenticationValue? CreateCallingValue()
    {
        var challenge = HlsChallenge.Generate();
        _challenge.Value = challenge;
        return AuthenticationValue.CharString(challenge);
    }

    protected internal override async ValueTask CompleteAsync(ICosemSession session, AareApdu response, CancellationToken cancellationToken)
    {
        var ownChallenge = _challenge.Value ?? throw new InvalidOperationException("The AARQ challenge of this association is unknown.");
        _challenge.Value = null;
        if (response.RespondingAuthenticationValue is not { } value)
        {
            throw new CosemAssociationException(SecurityFailure.InvalidChallenge, "The meter's AARE carries no StoC challenge for high level security.");
        }
        var serverChallenge = value.Value.ToArray();
        byte[] answer;
        SystemTitle server = default;
        try
        {
            HlsChallenge.Validate(serverChallenge);
            if (_mechanism is HlsMechanism.Gmac or HlsMechanism.Sha256 or HlsMechanism.Ecdsa)
            {
                if (_security.ServerSystemTitle is null || response.RespondingApTitle is not null)
                {
                    _security.LearnServerSystemTitle(response);
                }
                server = _security.RequireServerSystemTitle();
            }
            var counter = _mechanism == HlsMechanism.Gmac ? await _security.NextInvocationCounterAsync(cancellationToken).ConfigureAwait(false) : 0;
            answer = _hls.ComputeResponse(_security.SystemTitle, server, serverChallenge, ownChallenge, counter);
        }
        catch (CosemSecurityException ex)
        {
            throw new CosemAssociationException(ex.Failure, $"High level security could not answer the meter's challenge: {ex.Message}", ex);
        }

        byte[] reply;
        try
        {
            var method = session is CosemClient { IsShortName: true } ? ShortNameReplyMethod : ReplyMethod;
            reply = await session.InvokeAsync(method, answer,
                static (ref AxdrWriter writer, byte[] data) => writer.WriteOctetString(data),
                static (ref AxdrReader reader) => reader.ReadOctetString().ToArray(), cancellationToken).ConfigureAwait(false);
        }
        catch (CosemServiceException ex)
        {
            throw new CosemAssociationException(SecurityFailure.HlsVerificationFailed,
                $"The meter did not accept the answer to its HLS mechanism {(int)_mechanism} challenge ({ex.Message}): wrong secret or key.", ex);
        }
        catch (CosemExceptionResponseException ex)
        {
            throw new CosemAssociationException(SecurityFailure.HlsVerificationFailed,
                $"The meter refused reply_to_HLS_authentication: {ex.Message}", ex);
        }
        try
        {
            _hls.VerifyResponse(_security.SystemTitle, server, ownChallenge, serverChallenge, reply);
        }
        catch (CosemSecurityException ex)
        {
            throw new CosemAssociationException(SecurityFailure.HlsVerificationFailed,
                $"The meter's answer to the client's HLS mechanism {(int)_mechanism} challenge is wrong: it does not hold the expected secret or key.", ex);
        }
    }

    // Never print the secret or keys.
    public override string ToString() => $"high ({_mechanism})";

    private static ReadOnlySpan<byte> RequireSecret(SecurityContext context) => context.HasSecret
        ? context.GetSecret()
        : throw new CosemSecurityException(SecurityFailure.InvalidKey, "HLS mechanisms 3, 4 and 6 need the HLS secret.");
}
