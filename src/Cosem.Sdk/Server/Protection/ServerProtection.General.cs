using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Server;

// General-signing and general-ciphering requests (IEC 62056-5-3 §9.2.7.2.4.8, §9.2.7.2.5): the client is the
// originator and the server the recipient. A signed request is verified with the client's public key and its content
// handled as any protected request; the answer is signed with the server's key. A general-ciphering request is opened
// with whatever key-info it names, with the same policy and counter checks, and answered in general-ciphering under
// the global unicast key (identified key) with the server's next counter, echoing the transaction-id.
internal sealed partial class ServerProtection
{
    private ArrayBufferWriter<byte>? _signedAnswerBuffer;

    private ArrayBufferWriter<byte> SignedAnswer => _signedAnswerBuffer ??= new ArrayBufferWriter<byte>(256);

    private async ValueTask HandleSignedAsync(AssociationState association, AssociationSecurity security, ReadOnlyMemory<byte> apdu,
        IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        if (association.ClientTitle is not { } client)
        {
            Refuse(RequestRefusal.Deciphering("no client system title to open the request with"), response);
            return;
        }
        GeneralSigning signing;
        ReadOnlyMemory<byte> content;
        EccKeyPair serverKey;
        try
        {
            signing = DecodeProtected<GeneralSigning>(apdu);
            EnsureAddressed(signing.OriginatorSystemTitle.Span, signing.RecipientSystemTitle.Span, client, security.SystemTitle);
            var clientKey = security.ClientSigningKey ?? throw new CosemSecurityException(SecurityFailure.InvalidKey,
                "general-signing request, but no client signing key is configured for the association");
            serverKey = security.SigningKey ?? throw new CosemSecurityException(SecurityFailure.InvalidKey,
                "general-signing request, but the server has no signing key to sign its answer");
            content = GeneralSigningProtection.Verify(signing, clientKey);
        }
        catch (CosemSecurityException ex)
        {
            Refuse(RequestRefusal.Deciphering(ex.Message), response);
            return;
        }
        if (content.IsEmpty || (ApduTag)content.Span[0] == ApduTag.GeneralSigning)
        {
            Refuse(RequestRefusal.Other("a general-signing APDU must hold one other APDU"), response);
            return;
        }
        SignedAnswer.ResetWrittenCount();
        await HandleAsync(association, security, content, SignedAnswer, signatureVerified: true, cancellationToken).ConfigureAwait(false);
        if (SignedAnswer.WrittenCount == 0)
        {
            return; // unconfirmed request
        }
        var header = new GeneralProtectionHeader(security.SystemTitle, client, signing.TransactionId);
        EncodeProtected(GeneralSigningProtection.Sign(header, serverKey, SignedAnswer.WrittenMemory), response);
    }

    private async ValueTask HandleGeneralCipheringAsync(AssociationState association, AssociationSecurity security, ReadOnlyMemory<byte> apdu,
        IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        if (association.ClientTitle is not { } client)
        {
            Refuse(RequestRefusal.Deciphering("no client system title to open the request with"), response);
            return;
        }
        var snapshot = security.Current;
        GeneralCiphering ciphering;
        SecurityControlByte control;
        try
        {
            ciphering = DecodeProtected<GeneralCiphering>(apdu);
            EnsureAddressed(ciphering.OriginatorSystemTitle.Span, ciphering.RecipientSystemTitle.Span, client, security.SystemTitle);
            control = new SecurityControlByte(ciphering.SecurityControl.Value);
        }
        catch (CosemSecurityException ex)
        {
            Refuse(RequestRefusal.Deciphering(ex.Message), response);
            return;
        }
        if (CheckPolicyAndCounter(security, snapshot.Policy, control, client, ciphering.InvocationCounter) is { } refused)
        {
            Refuse(refused, response);
            return;
        }
        using var keyring = new GeneralCipheringKeyring(snapshot.Suite)
        {
            SystemTitle = security.SystemTitle,
            Keys = snapshot.Keys,
            SigningKey = security.SigningKey,
            KeyAgreementKey = security.KeyAgreementKey,
            PeerSigningKey = security.ClientSigningKey,
            PeerKeyAgreementKey = security.ClientKeyAgreementKey,
        };
        byte[] plain;
        try
        {
            plain = GeneralCipheringProtection.Unprotect(ciphering, keyring, out _);
        }
        catch (CosemSecurityException ex)
        {
            Refuse(RequestRefusal.Deciphering(ex.Message), response);
            return;
        }
        if (AcceptCounter(security, client, ciphering.InvocationCounter) is { } stale)
        {
            Refuse(stale, response);
            return;
        }
        if (plain.Length == 0 || (ApduTag)plain[0] is ApduTag.GeneralCiphering or ApduTag.GeneralSigning || ApduEnvelope.TryRead(plain, out _))
        {
            Refuse(RequestRefusal.Other("a protected APDU must hold a plain request"), response);
            return;
        }
        if (!await ServeAsync(association, plain, cancellationToken).ConfigureAwait(false))
        {
            return; // unconfirmed request
        }
        var answerControl = SecurityControlByte.Create(snapshot.Suite, control.IsAuthenticated, control.IsEncrypted);
        var counter = await security.NextServerInvocationCounterAsync(cancellationToken).ConfigureAwait(false);
        var header = new GeneralProtectionHeader(security.SystemTitle, client, ciphering.TransactionId);
        EncodeProtected(GeneralCipheringProtection.Protect(header, GeneralCipheringKeyMode.GlobalUnicastKey, keyring, answerControl, counter,
            PlainResponse.WrittenSpan), response);
    }

    private static void EnsureAddressed(ReadOnlySpan<byte> originator, ReadOnlySpan<byte> recipient, SystemTitle client, SystemTitle server)
    {
        if (originator.Length != SystemTitle.Length || new SystemTitle(originator) != client)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidSystemTitle, $"originator-system-title is not the client's {client}");
        }
        if (recipient.Length != SystemTitle.Length || new SystemTitle(recipient) != server)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidSystemTitle, $"recipient-system-title is not the server's {server}");
        }
    }

    private static T DecodeProtected<T>(ReadOnlyMemory<byte> apdu) where T : Apdu.Apdu
    {
        try
        {
            return (T)ApduDecoder.DecodeXdlms(apdu);
        }
        catch (CosemEncodingException ex)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput, $"malformed {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    private static void EncodeProtected(Apdu.Apdu apdu, IBufferWriter<byte> output)
    {
        var writer = new AxdrWriter(output);
        apdu.Encode(ref writer);
        writer.Flush();
    }
}
