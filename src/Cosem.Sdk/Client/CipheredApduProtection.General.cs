using System.Security.Cryptography;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

// General-ciphering and general-signing of a client's requests (IEC 62056-5-3 §9.2.7.2.4.8, §9.2.7.2.5): the client
// is the originator, the meter the recipient; answers must come from the meter, addressed to this client.
internal sealed partial class CipheredApduProtection
{
    private readonly System.Buffers.ArrayBufferWriter<byte> _signed = new(256);

    private void WriteGeneralCiphering(GeneralCipheringKeyMode mode, SecurityControlByte control, uint counter, ReadOnlySpan<byte> plainApdu)
    {
        var header = new GeneralProtectionHeader(_security.SystemTitle, _security.RequireServerSystemTitle(), RandomNumberGenerator.GetBytes(8));
        using var keyring = Keyring();
        Encode(GeneralCipheringProtection.Protect(header, mode, keyring, control, counter, plainApdu), _sent);
    }

    private ReadOnlyMemory<byte> Sign(ReadOnlyMemory<byte> content)
    {
        var key = _security.Context.KeyPair ?? throw new CosemSecurityException(SecurityFailure.InvalidKey,
            "General-signing needs the client's signing key pair (SecurityContext.KeyPair).");
        var header = new GeneralProtectionHeader(_security.SystemTitle, _security.RequireServerSystemTitle(), RandomNumberGenerator.GetBytes(8));
        _signed.ResetWrittenCount();
        Encode(GeneralSigningProtection.Sign(header, key, content), _signed);
        return _signed.WrittenMemory;
    }

    // A general-signing answer is verified with the meter's public key and replaced by its content; an unsigned one is
    // refused when signing is required, except an exception in the clear from a meter that could not open the request
    // and the AARE's InitiateResponse.
    private ReadOnlyMemory<byte> OpenSigned(ReadOnlyMemory<byte> received)
    {
        var tag = received.IsEmpty ? (ApduTag)0 : (ApduTag)received.Span[0];
        if (tag != ApduTag.GeneralSigning)
        {
            // The InitiateResponse of the AARE is ciphered but never signed: the AARE is an ACSE APDU.
            if (_security.UseGeneralSigning && tag is not (ApduTag.ExceptionResponse or ApduTag.ConfirmedServiceError)
                && !CipheredUserInformationApdu.IsCipheredUserInformationTag(tag))
            {
                throw new CosemSecurityException(SecurityFailure.UnsupportedProtection,
                    $"The meter answered without general-signing (tag {(byte)tag}), which this association requires.");
            }
            return received;
        }
        var signing = Decode<GeneralSigning>(received);
        EnsureFromServer(signing.OriginatorSystemTitle.Span, signing.RecipientSystemTitle.Span, "general-signing");
        var key = _security.Context.PeerPublicKey ?? throw new CosemSecurityException(SecurityFailure.InvalidKey,
            "The meter's answer is signed, but the meter's public signing key (SecurityContext.PeerPublicKey) is not configured.");
        var content = GeneralSigningProtection.Verify(signing, key);
        if (!content.IsEmpty && (ApduTag)content.Span[0] == ApduTag.GeneralSigning)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput, "A general-signing APDU must not hold another one.");
        }
        return content;
    }

    private ReadOnlyMemory<byte> OpenGeneralCiphering(ReadOnlyMemory<byte> received)
    {
        var ciphering = Decode<GeneralCiphering>(received);
        EnsureFromServer(ciphering.OriginatorSystemTitle.Span, ciphering.RecipientSystemTitle.Span, "general-ciphering");
        var control = new SecurityControlByte(ciphering.SecurityControl.Value);
        if (!_security.Policy.IsSatisfiedBy(control))
        {
            throw new CosemSecurityException(SecurityFailure.UnsupportedProtection,
                $"The meter's answer is protected with {control}, less than security policy {_security.Policy} requires.");
        }
        if (_lastServerCounter is { } last && ciphering.InvocationCounter <= last)
        {
            throw new CosemSecurityException(SecurityFailure.ReplayedInvocationCounter,
                $"The meter's invocation counter {ciphering.InvocationCounter:X8} is not above its previous {last:X8}: replayed answer.");
        }
        using var keyring = Keyring();
        var plain = GeneralCipheringProtection.Unprotect(ciphering, keyring, out _);
        _lastServerCounter = ciphering.InvocationCounter;
        return plain;
    }

    private void EnsureFromServer(ReadOnlySpan<byte> originator, ReadOnlySpan<byte> recipient, string what)
    {
        var server = _security.RequireServerSystemTitle();
        if (originator.Length != SystemTitle.Length || new SystemTitle(originator) != server)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidSystemTitle,
                $"The {what} answer's originator-system-title is not the meter's {server}.");
        }
        if (recipient.Length != SystemTitle.Length || new SystemTitle(recipient) != _security.SystemTitle)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidSystemTitle,
                $"The {what} answer's recipient-system-title is not this client's {_security.SystemTitle}.");
        }
    }

    private GeneralCipheringKeyring Keyring() => new(_security.Suite)
    {
        SystemTitle = _security.SystemTitle,
        Keys = _security.Context.Keys,
        SigningKey = _security.Context.KeyPair,
        PeerSigningKey = _security.Context.PeerPublicKey,
        KeyAgreementKey = _security.KeyAgreementKey,
        PeerKeyAgreementKey = _security.ServerKeyAgreementKey,
    };

    private static T Decode<T>(ReadOnlyMemory<byte> apdu) where T : Apdu.Apdu
    {
        try
        {
            return (T)ApduDecoder.DecodeXdlms(apdu);
        }
        catch (CosemEncodingException ex)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput, $"The meter's {typeof(T).Name} APDU is malformed: {ex.Message}", ex);
        }
    }

    private static void Encode(Apdu.Apdu apdu, System.Buffers.IBufferWriter<byte> output)
    {
        var writer = new AxdrWriter(output);
        apdu.Encode(ref writer);
        writer.Flush();
    }
}
