using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Translation;

/// <summary>
/// Opens captured ciphered APDUs for display (<see cref="PduTranslator"/>, <c>cosem translate</c>): glo- and ded-
/// service APDUs with the sender's system title given here, general-glo- and general-ded-ciphering with the title
/// they carry, and general-ciphering with the <see cref="GeneralCipheringKeyring"/>. Keys may be of any suite's
/// length; the suite is taken from each APDU's security control byte. Without the key an APDU needs, it is left
/// closed; with a key that does not fit, a <see cref="CosemSecurityException"/> says why.
/// </summary>
public sealed class ApduDecryptor : IPayloadDecryptor
{
    /// <summary>The global unicast block cipher key (GUEK).</summary>
    public ReadOnlyMemory<byte> BlockCipherKey { get; init; }

    /// <summary>The global broadcast key, for APDUs whose security control byte selects the broadcast key set.</summary>
    public ReadOnlyMemory<byte> BroadcastKey { get; init; }

    /// <summary>The authentication key (AK), needed to check tags.</summary>
    public ReadOnlyMemory<byte> AuthenticationKey { get; init; }

    /// <summary>The dedicated key of the association, for ded- APDUs and general-ded-ciphering.</summary>
    public ReadOnlyMemory<byte> DedicatedKey { get; init; }

    /// <summary>The sender's system title, for glo-/ded- APDUs that carry none.</summary>
    public SystemTitle? SystemTitle { get; init; }

    /// <summary>Keys for general-ciphering (master key, key agreement and peer signing keys); its suite must match the APDU's.</summary>
    public GeneralCipheringKeyring? Keyring { get; init; }

    /// <inheritdoc/>
    /// <remarks>Bytes that do not decode as an APDU, and APDUs that are not ciphered, give null.</remarks>
    public byte[]? Decrypt(ReadOnlySpan<byte> apdu)
    {
        Apdu.Apdu decoded;
        try
        {
            decoded = ApduDecoder.DecodeXdlms(apdu.ToArray());
        }
        catch (CosemEncodingException)
        {
            return null;
        }
        return decoded switch
        {
            CipheredApdu ciphered => Open(ciphered.IsDedicated, SystemTitle, ciphered.SecurityControl, ciphered.InvocationCounter, ciphered.CipheredText,
                "glo-/ded- APDUs carry no system title: give the sender's system title (--system-title)"),
            SystemTitleCipheredApdu general => Open(general is GeneralDedCiphering, ReadTitle(general.SystemTitle), general.SecurityControl,
                general.InvocationCounter, general.CipheredText, "the APDU's system title is not 8 bytes"),
            GeneralCiphering general => OpenGeneral(general),
            _ => null,
        };
    }

    private byte[]? Open(bool dedicated, SystemTitle? title, SecurityControl control, uint counter, ReadOnlyMemory<byte> text, string noTitle)
    {
        var sc = new SecurityControlByte(control.Value);
        var key = dedicated ? DedicatedKey : sc.UsesBroadcastKey ? BroadcastKey : BlockCipherKey;
        if (key.IsEmpty || sc.IsAuthenticated && AuthenticationKey.IsEmpty)
        {
            return null;
        }
        if (title is not { } sender)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidSystemTitle, $"Cannot decrypt: {noTitle}.");
        }
        if (!sc.Suite.IsDefined())
        {
            throw new CosemSecurityException(SecurityFailure.UnsupportedSuite, $"Cannot decrypt: security suite {(int)sc.Suite} is not defined.");
        }
        var authentication = AuthenticationKey.IsEmpty ? new byte[key.Length] : AuthenticationKey.Span;
        using var cipher = new ApduCipher(sc.Suite, key.Span, authentication);
        var content = new byte[SecurityHeader.Length + text.Length];
        new SecurityHeader(sc, counter).WriteTo(content);
        text.Span.CopyTo(content.AsSpan(SecurityHeader.Length));
        return cipher.Unprotect(sender, content, out _);
    }

    private byte[]? OpenGeneral(GeneralCiphering apdu)
    {
        var sc = new SecurityControlByte(apdu.SecurityControl.Value);
        if (Keyring is { } keyring && keyring.Suite == sc.Suite)
        {
            return GeneralCipheringProtection.Unprotect(apdu, keyring, out _);
        }
        if (BlockCipherKey.IsEmpty || AuthenticationKey.IsEmpty || !sc.Suite.IsDefined() || apdu.KeyInfo is { Kind: not KeyInfoKind.IdentifiedKey })
        {
            return null;
        }
        using var keys = new CipheringKeys(sc.Suite, BlockCipherKey.Span, AuthenticationKey.Span, BroadcastKey.Span);
        using var fromOptions = new GeneralCipheringKeyring(sc.Suite) { Keys = keys };
        return GeneralCipheringProtection.Unprotect(apdu, fromOptions, out _);
    }

    private static SystemTitle? ReadTitle(ReadOnlyMemory<byte> title) =>
        title.Length == Security.SystemTitle.Length ? new SystemTitle(title.Span) : null;

    /// <summary>The same keys with <paramref name="title"/> as the sender's system title (from an AARQ/AARE AP-title).</summary>
    internal ApduDecryptor WithSystemTitle(SystemTitle title) => new()
    {
        BlockCipherKey = BlockCipherKey,
        BroadcastKey = BroadcastKey,
        AuthenticationKey = AuthenticationKey,
        DedicatedKey = DedicatedKey,
        SystemTitle = title,
        Keyring = Keyring,
    };

    /// <summary>Which keys are set (never their values), for logs and diagnostics.</summary>
    public override string ToString() =>
        $"ApduDecryptor(block cipher key {(BlockCipherKey.IsEmpty ? "absent" : "set")}, authentication key {(AuthenticationKey.IsEmpty ? "absent" : "set")}, " +
        $"dedicated key {(DedicatedKey.IsEmpty ? "absent" : "set")}, system title {(SystemTitle is { } t ? t.ToString() : "absent")}, keyring {(Keyring is null ? "absent" : "set")})";
}
