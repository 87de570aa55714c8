using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

public sealed partial class PushNotificationDecoder
{
    // general-signing (Green Book §9.2.7.2.5): verified with the originator's public signing key, then its content —
    // plain or ciphered, never signed again — is opened as any push. A signature that does not verify is refused
    // before the content is looked at, so a forged APDU cannot move an invocation counter.
    private PushRejection? OpenGeneralSigning(ReadOnlyMemory<byte> apdu, PushOrigin origin, out Opened opened)
    {
        opened = default;
        GeneralSigning signed;
        SystemTitle sender;
        try
        {
            signed = (GeneralSigning)ApduDecoder.DecodeXdlms(apdu);
            sender = new SystemTitle(signed.OriginatorSystemTitle.Span);
        }
        catch (Exception ex) when (ex is CosemEncodingException or ArgumentException)
        {
            return new PushRejection(PushRejectionReason.Malformed, origin.RemoteEndPoint, origin.SystemTitle, $"The general-signing APDU does not decode: {ex.Message}");
        }
        if (_options.Keys?.GetSigningKey(sender) is not { } signingKey)
        {
            return new PushRejection(PushRejectionReason.UnknownMeter, origin.RemoteEndPoint, sender, "No signing key is known for this system title.");
        }
        if (_options.SystemTitle is { } own && signed.RecipientSystemTitle.Length == SystemTitle.Length
            && new SystemTitle(signed.RecipientSystemTitle.Span) != own)
        {
            return new PushRejection(PushRejectionReason.InvalidSignature, origin.RemoteEndPoint, sender, "The signed notification is addressed to another recipient.");
        }
        try
        {
            GeneralSigningProtection.Verify(signed, signingKey);
        }
        catch (CosemSecurityException ex)
        {
            return new PushRejection(PushRejectionReason.InvalidSignature, origin.RemoteEndPoint, sender, ex.Message);
        }
        var content = signed.Content;
        if (!content.IsEmpty && (ApduTag)content.Span[0] == ApduTag.GeneralSigning)
        {
            return new PushRejection(PushRejectionReason.Unsupported, origin.RemoteEndPoint, sender, "A signed APDU signed again is not opened.");
        }
        var inner = Open(content, origin with { SystemTitle = sender }, out var contentOpened, signed: true);
        opened = contentOpened with { SystemTitle = contentOpened.SystemTitle ?? sender, Signed = true };
        return inner;
    }
}
