using System.CommandLine;
using System.Text;
using Cosem.Sdk;
using Cosem.Sdk.Security;
using Cosem.Sdk.Translation;

namespace Cosem.Cli.Commands;

/// <summary>
/// The key options of <c>cosem translate</c> (the names <c>cosem read</c> and <c>cosem simulate</c> use) and the
/// <see cref="ApduDecryptor"/> built from them. Keys are hex; key files are DER or PEM.
/// </summary>
internal sealed class DecryptionOptions
{
    private readonly SecretOption _blockCipherKey = new("--block-cipher-key", "Global unicast block cipher key (hex, 16 bytes for suites 0/1, 32 for suite 2): decrypts glo- and general-glo-ciphered APDUs.");

    private readonly SecretOption _authenticationKey = new("--authentication-key", "Authentication key (hex), to check the authentication tag.");

    private readonly SecretOption _dedicatedKey = new("--dedicated-key", "Dedicated key (hex) of the association: decrypts ded- and general-ded-ciphered APDUs.");

    private readonly Option<string?> _systemTitle = new("--system-title")
    {
        Description = "The sender's system title (16 hex digits), for glo-/ded- APDUs, which carry none.",
    };

    private readonly SecretOption _masterKey = new("--master-key", "Master key (KEK, hex), for general-ciphering with a wrapped key.");

    private readonly Option<FileInfo?> _keyAgreementKey = new("--key-agreement-key")
    {
        Description = "The recipient's key agreement private key (PKCS #8, DER or PEM), for general-ciphering with an agreed key (suites 1 and 2).",
    };

    private readonly Option<FileInfo?> _peerKey = new("--peer-key")
    {
        Description = "The originator's public key or certificate (DER or PEM): its signing key (C(1e, 1s)) or key agreement key (C(0e, 2s)).",
    };

    private readonly TextReader? _stdin;

    /// <param name="stdin">Where '-' keys are read from; null means the console.</param>
    public DecryptionOptions(TextReader? stdin = null) => _stdin = stdin;

    public void AddTo(Command command)
    {
        Option[] options = [.. _blockCipherKey.All, .. _authenticationKey.All, .. _dedicatedKey.All, _systemTitle, .. _masterKey.All,
            _keyAgreementKey, _peerKey];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The decryptor for the given options, or null when no key was given (envelopes only).</summary>
    public ApduDecryptor? CreateDecryptor(ParseResult parseResult)
    {
        var blockCipherKey = Key(parseResult, _blockCipherKey);
        var authenticationKey = Key(parseResult, _authenticationKey);
        var dedicatedKey = Key(parseResult, _dedicatedKey);
        var masterKey = Key(parseResult, _masterKey);
        var agreementFile = parseResult.GetValue(_keyAgreementKey);
        var peerFile = parseResult.GetValue(_peerKey);
        var title = parseResult.GetValue(_systemTitle);
        if (blockCipherKey.IsEmpty && dedicatedKey.IsEmpty && masterKey.IsEmpty && agreementFile is null)
        {
            return null;
        }
        var agreement = agreementFile is null ? null : EccKeyPair.FromPkcs8(Der(File.ReadAllBytes(agreementFile.FullName), "PRIVATE KEY"));
        var peer = peerFile is null ? null : PublicKey(File.ReadAllBytes(peerFile.FullName));
        GeneralCipheringKeyring? keyring = null;
        if (!masterKey.IsEmpty || agreement is not null)
        {
            var suite = agreement is { Curve: EccCurve.P384 } || masterKey.Length == 32 ? SecuritySuite.Suite2
                : agreement is not null ? SecuritySuite.Suite1 : SecuritySuite.Suite0;
            keyring = new GeneralCipheringKeyring(suite)
            {
                MasterKey = masterKey.Span,
                KeyAgreementKey = agreement,
                PeerSigningKey = peer,
                PeerKeyAgreementKey = peer,
                Keys = !blockCipherKey.IsEmpty && blockCipherKey.Length == authenticationKey.Length && blockCipherKey.Length == suite.KeyLength()
                    ? new CipheringKeys(suite, blockCipherKey.Span, authenticationKey.Span)
                    : null,
            };
        }
        return new ApduDecryptor
        {
            BlockCipherKey = blockCipherKey,
            AuthenticationKey = authenticationKey,
            DedicatedKey = dedicatedKey,
            SystemTitle = title is null ? null : SystemTitle.Parse(title),
            Keyring = keyring,
        };
    }

    private ReadOnlyMemory<byte> Key(ParseResult parseResult, SecretOption option)
    {
        var text = option.Resolve(parseResult, _stdin).Value;
        if (text is null)
        {
            return default;
        }
        return HexText.TryParse(text, out var bytes) && bytes.Length is 16 or 32
            ? bytes
            : throw new CosemException($"{option.Name} (or ${option.EnvironmentVariable}) is 16 or 32 bytes in hex (32 or 64 hex digits).");
    }

    private static EccPublicKey PublicKey(byte[] content)
    {
        var der = Der(content, "CERTIFICATE", "PUBLIC KEY");
        try
        {
            return CosemCertificate.Parse(der).PublicKey;
        }
        catch (CosemSecurityException)
        {
            return EccPublicKey.FromSubjectPublicKeyInfo(der);
        }
    }

    // PEM to DER when the file is PEM; DER files pass through.
    private static byte[] Der(byte[] content, params string[] labels)
    {
        var text = Encoding.ASCII.GetString(content);
        foreach (var label in labels)
        {
            var begin = $"-----BEGIN {label}-----";
            var start = text.IndexOf(begin, StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }
            var end = text.IndexOf($"-----END {label}-----", start, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new CosemException($"The PEM block {label} has no END line.");
            }
            try
            {
                return Convert.FromBase64String(text[(start + begin.Length)..end]);
            }
            catch (FormatException ex)
            {
                throw new CosemException($"The PEM block {label} is not valid base64.", ex);
            }
        }
        return content;
    }
}
