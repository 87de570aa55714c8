using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

public sealed partial class PushNotificationDecoder
{
    // Opens the protection, if any: returns a refusal, or null with the plain APDU in `opened`.
    private PushRejection? Open(ReadOnlyMemory<byte> apdu, PushOrigin origin, out Opened opened, bool signed = false)
    {
        opened = new Opened(apdu, PushProtection.None, origin.SystemTitle, null);
        if (apdu.IsEmpty)
        {
            return null; // refused as empty by the decoding step
        }
        var title = origin.SystemTitle;
        try
        {
            if ((ApduTag)apdu.Span[0] == ApduTag.GeneralSigning && !signed)
            {
                return OpenGeneralSigning(apdu, origin, out opened);
            }
            if ((ApduTag)apdu.Span[0] == ApduTag.GeneralCiphering)
            {
                return OpenGeneralCiphering(apdu, origin, out opened);
            }
            if (!ApduEnvelope.TryRead(apdu.Span, out var envelope))
            {
                // A verified signature authenticates a plain content: only an unsigned plain push is unprotected.
                return _options.RequireProtection && !signed
                    ? new PushRejection(PushRejectionReason.Unprotected, origin.RemoteEndPoint, title, "The notification was sent in the clear.")
                    : null;
            }
            title = envelope.SystemTitle ?? title;
            if (title is not { } sender)
            {
                return new PushRejection(PushRejectionReason.UnknownMeter, origin.RemoteEndPoint, null,
                    "A service-specific ciphered APDU names no system title, and none is known for this sender.");
            }
            if (envelope.IsDedicated)
            {
                return new PushRejection(PushRejectionReason.Unsupported, origin.RemoteEndPoint, sender,
                    "Dedicated-key ciphering exists only inside an association; a push listener has no dedicated key.");
            }
            if (CiphersOf(sender) is not { } ciphers)
            {
                return new PushRejection(PushRejectionReason.UnknownMeter, origin.RemoteEndPoint, sender, "No keys are known for this system title.");
            }
            var content = envelope.Content(apdu.Span);
            var header = SecurityHeader.Read(content);
            _options.Counters.EnsureFresh(sender, header.InvocationCounter);
            var cipher = header.Control.UsesBroadcastKey
                ? ciphers.Broadcast ?? throw new CosemSecurityException(SecurityFailure.InvalidKey, "The notification uses the broadcast key; none is known for this meter.")
                : ciphers.Unicast;
            var plain = cipher.Unprotect(sender, content, out header);
            _options.Counters.Accept(sender, header.InvocationCounter);
            opened = new Opened(plain, envelope.IsGeneral ? PushProtection.GeneralGlobal : PushProtection.ServiceSpecificGlobal, sender, header);
            return null;
        }
        catch (CosemSecurityException ex)
        {
            return new PushRejection(ReasonOf(ex.Failure), origin.RemoteEndPoint, title, ex.Message);
        }
    }

    private PushRejection? OpenGeneralCiphering(ReadOnlyMemory<byte> apdu, PushOrigin origin, out Opened opened)
    {
        opened = default;
        GeneralCiphering ciphered;
        SystemTitle sender;
        try
        {
            ciphered = (GeneralCiphering)ApduDecoder.DecodeXdlms(apdu);
            sender = new SystemTitle(ciphered.OriginatorSystemTitle.Span);
        }
        catch (Exception ex) when (ex is CosemEncodingException or ArgumentException)
        {
            return new PushRejection(PushRejectionReason.Malformed, origin.RemoteEndPoint, origin.SystemTitle, $"The general-ciphering APDU does not decode: {ex.Message}");
        }
        if (CiphersOf(sender) is not { } ciphers)
        {
            return new PushRejection(PushRejectionReason.UnknownMeter, origin.RemoteEndPoint, sender, "No keys are known for this system title.");
        }
        _options.Counters.EnsureFresh(sender, ciphered.InvocationCounter);
        var plain = GeneralCipheringProtection.Unprotect(ciphered, ciphers.Keyring, out var header);
        _options.Counters.Accept(sender, header.InvocationCounter);
        opened = new Opened(plain, PushProtection.GeneralCiphering, sender, header);
        return null;
    }

    private static PushRejectionReason ReasonOf(SecurityFailure failure) => failure switch
    {
        SecurityFailure.MalformedInput => PushRejectionReason.Malformed,
        SecurityFailure.ReplayedInvocationCounter => PushRejectionReason.ReplayedCounter,
        SecurityFailure.UnsupportedSuite or SecurityFailure.UnsupportedProtection => PushRejectionReason.Unsupported,
        SecurityFailure.InvalidSystemTitle => PushRejectionReason.UnknownMeter,
        SecurityFailure.InvalidSignature => PushRejectionReason.InvalidSignature,
        _ => PushRejectionReason.AuthenticationFailed,
    };

    // One set of ciphers per meter, rebuilt when the provider hands out other keys (after a key change).
    private MeterCiphers? CiphersOf(SystemTitle sender)
    {
        if (_options.Keys?.GetKeys(sender) is not { } keys)
        {
            return null;
        }
        if (_ciphers.TryGetValue(sender, out var cached) && ReferenceEquals(cached.Keys, keys))
        {
            return cached;
        }
        var created = new MeterCiphers(keys, keys.CreateCipher(),
            keys.HasGlobalBroadcastKey ? keys.CreateCipher(CipheringKeyKind.GlobalBroadcast) : null,
            new GeneralCipheringKeyring(keys.Suite) { SystemTitle = _options.SystemTitle, Keys = keys });
        _ciphers[sender] = created;
        return created;
    }

    // The superseded ciphers are left to the collector: another connection may still be using them.
    private sealed record MeterCiphers(CipheringKeys Keys, ApduCipher Unicast, ApduCipher? Broadcast, GeneralCipheringKeyring Keyring);
}
