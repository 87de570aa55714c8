using System.Buffers;
using System.Security.Cryptography;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Objects;

// How a push is protected. push_protection_parameters (attribute 10 of versions 1 and 2), when not empty, decide:
// each element's protection_type adds authentication, encryption, both, or a digital signature (general-signing
// around the possibly ciphered APDU; Green Book §9.2.7.2). The envelope of the ciphering is the options' choice
// (general-glo-ciphering when PushSetupServerOptions.Protection is GeneralGlobal, else general-ciphering), and a
// recipient_system_title in protection_options names the recipient. The keys are always the association security's;
// a protection without its key refuses the push. Empty parameters keep the options' Protection and Signed.
internal sealed partial class PushEngine
{
    private readonly record struct ProtectionPlan(bool Authenticated, bool Encrypted, bool Signed, PushCiphering Envelope, SystemTitle Recipient);

    public async ValueTask<byte[]> BuildProtectedAsync(CancellationToken cancellationToken)
    {
        var settings = _settings();
        var (apdu, _) = await BuildProtectedAsync(settings, confirmed: false, cancellationToken).ConfigureAwait(false);
        return apdu;
    }

    private async ValueTask<(byte[] Apdu, uint InvokeId)> BuildProtectedAsync(PushSettings settings, bool confirmed, CancellationToken cancellationToken)
    {
        var plan = PlanOf(settings.ProtectionParameters);
        var (apdu, invokeId) = await BuildNotificationAsync(settings.ObjectList, confirmed, cancellationToken).ConfigureAwait(false);
        if (plan.Authenticated || plan.Encrypted)
        {
            apdu = await CipherAsync(apdu, plan, cancellationToken).ConfigureAwait(false);
        }
        return (plan.Signed ? Sign(apdu, plan.Recipient) : apdu, invokeId);
    }

    private ProtectionPlan PlanOf(IReadOnlyList<PushProtectionParameters>? parameters)
    {
        if (parameters is not { Count: > 0 })
        {
            var ciphered = Options.Protection != PushCiphering.None;
            return new ProtectionPlan(ciphered, ciphered, Options.Signed, Options.Protection, Options.Recipient);
        }
        bool authenticated = false, encrypted = false, signed = false;
        var recipient = Options.Recipient;
        foreach (var parameter in parameters)
        {
            switch (parameter.ProtectionType)
            {
                case PushProtectionType.Authentication:
                    authenticated = true;
                    break;
                case PushProtectionType.Encryption:
                    encrypted = true;
                    break;
                case PushProtectionType.AuthenticationAndEncryption:
                    authenticated = encrypted = true;
                    break;
                case PushProtectionType.DigitalSignature:
                    signed = true;
                    break;
                default:
                    throw new PushProtectionRefusedException(parameter.ProtectionType, $"protection_type {(int)parameter.ProtectionType} is not one this meter applies.");
            }
            recipient = RecipientOf(parameter.ProtectionOptions) ?? recipient;
            EnsureKeyFor(parameter.ProtectionType);
        }
        var envelope = Options.Protection == PushCiphering.GeneralGlobal ? PushCiphering.GeneralGlobal : PushCiphering.GeneralCiphering;
        return new ProtectionPlan(authenticated, encrypted, signed, envelope, recipient);
    }

    // protection_options: structure { transaction_id, originator_system_title, recipient_system_title,
    // other_information, key_info } (Blue Book §4.4.8 / Data protection); only an 8-byte recipient is used.
    private static SystemTitle? RecipientOf(CosemData options) =>
        options.Type == DataType.Structure && options.Count >= 3 && options[2].Type == DataType.OctetString &&
        options[2].AsBytes().Length == SystemTitle.Length
            ? new SystemTitle(options[2].AsBytes().Span)
            : null;

    private void EnsureKeyFor(PushProtectionType type)
    {
        var security = Options.Security;
        var missing = type switch
        {
            _ when security is null => "the push setup has no association security (PushSetupServerOptions.Security)",
            PushProtectionType.DigitalSignature when security.SigningKey is null => "the association security has no signing key",
            PushProtectionType.DigitalSignature => null,
            _ when security.Keys is null => "the association security has no global keys",
            _ => null,
        };
        if (missing is not null)
        {
            var message = $"push_protection_parameters ask for {type}, but {missing}.";
            PushSetupLog.ProtectionRefused(Options.Logger, _name, message);
            throw new PushProtectionRefusedException(type, message);
        }
    }

    private async ValueTask<byte[]> CipherAsync(byte[] plain, ProtectionPlan plan, CancellationToken cancellationToken)
    {
        var security = Options.Security!;
        var keys = security.Keys ?? throw new CosemSecurityException(SecurityFailure.InvalidKey, "The association security has no keys to cipher the push with.");
        var counter = await security.NextServerInvocationCounterAsync(cancellationToken).ConfigureAwait(false);
        var control = SecurityControlByte.Create(keys.Suite, plan.Authenticated, plan.Encrypted);
        if (plan.Envelope == PushCiphering.GeneralGlobal)
        {
            using var cipher = keys.CreateCipher();
            var output = new ArrayBufferWriter<byte>(plain.Length + 32);
            ApduEnvelope.Write(cipher, ApduTag.GeneralGloCiphering, control, security.SystemTitle, counter, plain, output);
            return output.WrittenSpan.ToArray();
        }
        using var keyring = new GeneralCipheringKeyring(keys.Suite) { SystemTitle = security.SystemTitle, Keys = keys };
        var header = new GeneralProtectionHeader(security.SystemTitle, plan.Recipient, RandomNumberGenerator.GetBytes(8));
        return GeneralCipheringProtection.Protect(header, GeneralCipheringKeyMode.GlobalUnicastKey, keyring, control, counter, plain).ToArray();
    }

    // general-signing around the (possibly ciphered) APDU: originator, recipient, a fresh transaction id and the
    // date-time of signing are all covered by the signature (Green Book §9.2.7.2.5).
    private byte[] Sign(byte[] content, SystemTitle recipient)
    {
        var security = Options.Security!;
        var now = new byte[CosemDateTime.Length];
        CosemDateTime.From(Options.Time.GetLocalNow()).CopyTo(now);
        var header = new GeneralProtectionHeader(security.SystemTitle, recipient, RandomNumberGenerator.GetBytes(8)) { DateTime = now };
        return GeneralSigningProtection.Sign(header, security.SigningKey!, content).ToArray();
    }
}
