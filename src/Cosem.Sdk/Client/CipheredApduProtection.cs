using System.Buffers;
using System.Security.Cryptography;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

/// <summary>
/// AES-GCM protection of a client's APDUs (IEC 62056-5-3 §9.2.7.2.4, security suites 0–2): requests go out as
/// glo-/ded- APDUs (or general-glo/general-ded-ciphering) under the policy's security control byte with the next
/// invocation counter; responses are opened with the meter's system title, must carry at least the policy's
/// protection, and their counters must increase. One instance serves one association at a time.
/// </summary>
internal sealed partial class CipheredApduProtection : ApduProtection
{
    private readonly ClientSecurity _security;
    private readonly byte[] _title;
    private readonly ArrayBufferWriter<byte> _sent = new(256);
    private byte[] _opened = new byte[256];
    private ApduCipher? _dedicated;
    private uint? _lastServerCounter;

    public CipheredApduProtection(ClientSecurity security)
    {
        ArgumentNullException.ThrowIfNull(security);
        if (security.Policy == SecurityPolicy.None)
        {
            throw new ArgumentException("Ciphering needs a security policy other than None (authenticated, encrypted or both).", nameof(security));
        }
        if (security.Context.Keys is null)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey, "Ciphering needs the block cipher and authentication keys.");
        }
        if (security.Context.Keys.Suite != security.Suite)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey,
                $"The keys are for security suite {(int)security.Context.Keys.Suite}, the context names suite {(int)security.Suite}.");
        }
        _security = security;
        _title = security.SystemTitle.ToArray();
    }

    public override ApplicationContextName ApplicationContextName => ApplicationContextName.LogicalNameWithCiphering;

    public override ReadOnlyMemory<byte> CallingApTitle => _title;

    protected internal override InitiateRequest PrepareInitiate(InitiateRequest request)
    {
        _lastServerCounter = null;
        _dedicated?.Dispose();
        _dedicated = null;
        var keys = _security.Context.Keys!;
        if (!_security.UseDedicatedKey && !keys.HasDedicatedKey)
        {
            return request;
        }
        if (!_security.Policy.RequiresEncryption())
        {
            throw new CosemSecurityException(SecurityFailure.UnsupportedProtection,
                $"A dedicated key travels only in an encrypted InitiateRequest; security policy {_security.Policy} does not encrypt.");
        }
        // IEC 62056-5-3 §9.2.3.4.4: a dedicated key per association (the configured one, else a fresh random one),
        // carried only in a ciphered InitiateRequest.
        var key = keys.HasDedicatedKey ? keys.DedicatedKey.ToArray() : RandomNumberGenerator.GetBytes(_security.Suite.KeyLength());
        _dedicated = new ApduCipher(_security.Suite, key, keys.AuthenticationKey);
        return new InitiateRequest
        {
            DedicatedKey = key,
            ResponseAllowed = request.ResponseAllowed,
            ProposedQualityOfService = request.ProposedQualityOfService,
            ProposedDlmsVersionNumber = request.ProposedDlmsVersionNumber,
            ProposedConformance = request.ProposedConformance,
            ClientMaxReceivePduSize = request.ClientMaxReceivePduSize,
        };
    }

    protected internal override void OnAssociated(AareApdu response) => _security.LearnServerSystemTitle(response);

    protected internal override async ValueTask<ReadOnlyMemory<byte>> ProtectAsync(ReadOnlyMemory<byte> plainApdu, CancellationToken cancellationToken)
    {
        if (plainApdu.IsEmpty)
        {
            throw new ArgumentException("An APDU has at least a tag.", nameof(plainApdu));
        }
        var plainTag = (ApduTag)plainApdu.Span[0];
        // The InitiateRequest always travels under the global key (glo-initiate-request), the dedicated key inside it.
        var initiate = plainTag == ApduTag.InitiateRequest;
        var dedicated = !initiate && _dedicated is not null;
        var cipher = dedicated ? _dedicated! : _security.GlobalCipher;
        var counter = await _security.NextInvocationCounterAsync(cancellationToken).ConfigureAwait(false);
        var control = _security.Policy.ToControlByte(_security.Suite);
        var tag = _security.UseGeneralCiphering && !initiate
            ? dedicated ? ApduTag.GeneralDedCiphering : ApduTag.GeneralGloCiphering
            : ApduEnvelope.CipheredTagFor(plainTag, dedicated) ?? (dedicated ? ApduTag.GeneralDedCiphering : ApduTag.GeneralGloCiphering);
        _sent.ResetWrittenCount();
        if (!initiate && _security.GeneralCipheringMode is { } mode)
        {
            WriteGeneralCiphering(mode, control, counter, plainApdu.Span);
        }
        else
        {
            ApduEnvelope.Write(cipher, tag, control, _security.SystemTitle, counter, plainApdu.Span, _sent);
        }
        return !initiate && _security.UseGeneralSigning ? Sign(_sent.WrittenMemory) : _sent.WrittenMemory;
    }

    protected internal override ReadOnlyMemory<byte> Unprotect(ReadOnlyMemory<byte> receivedApdu)
    {
        receivedApdu = OpenSigned(receivedApdu);
        var apdu = receivedApdu.Span;
        if (!apdu.IsEmpty && (ApduTag)apdu[0] == ApduTag.GeneralCiphering)
        {
            return OpenGeneralCiphering(receivedApdu);
        }
        if (!ApduEnvelope.TryRead(apdu, out var envelope))
        {
            if (!apdu.IsEmpty && (ApduTag)apdu[0] is ApduTag.ExceptionResponse or ApduTag.ConfirmedServiceError)
            {
                return receivedApdu; // a meter that could not open a request answers in the clear (IEC 62056-5-3 §9.5)
            }
            throw new CosemSecurityException(SecurityFailure.UnsupportedProtection,
                $"The meter answered with an unprotected APDU (tag {(apdu.IsEmpty ? 0 : apdu[0])}) although security policy {_security.Policy} requires protection.");
        }
        var cipher = envelope.IsDedicated
            ? _dedicated ?? throw new CosemSecurityException(SecurityFailure.InvalidKey, "The meter answered under a dedicated key this association does not have.")
            : _security.GlobalCipher;
        var server = _security.RequireServerSystemTitle();
        if (envelope.SystemTitle is { } carried && carried != server)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidSystemTitle,
                $"The meter's general-ciphering APDU carries system title {carried}, not the meter's {server}.");
        }
        var content = envelope.Content(apdu);
        var header = SecurityHeader.Read(content);
        if (!_security.Policy.IsSatisfiedBy(header.Control))
        {
            throw new CosemSecurityException(SecurityFailure.UnsupportedProtection,
                $"The meter's answer is protected with {header.Control}, less than security policy {_security.Policy} requires.");
        }
        if (_lastServerCounter is { } last && header.InvocationCounter <= last)
        {
            throw new CosemSecurityException(SecurityFailure.ReplayedInvocationCounter,
                $"The meter's invocation counter {header.InvocationCounter:X8} is not above its previous {last:X8}: replayed answer.");
        }
        var length = ApduCipher.GetPlaintextLength(header.Control, content.Length);
        if (_opened.Length < length)
        {
            _opened = new byte[Math.Max(length, 2 * _opened.Length)];
        }
        var written = cipher.Unprotect(server, content, _opened, out _);
        _lastServerCounter = header.InvocationCounter;
        return _opened.AsMemory(0, written);
    }

    public override string ToString() => $"ciphered ({_security})";
}
