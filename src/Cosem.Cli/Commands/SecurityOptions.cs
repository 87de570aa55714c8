using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cosem.Sdk;
using Cosem.Sdk.Security;

namespace Cosem.Cli.Commands;

/// <summary>
/// The security options shared by <c>cosem read</c> and <c>cosem simulate</c>: <c>--auth --password --security --suite
/// --system-title --block-cipher-key --authentication-key --dedicated-key --private-key --peer-certificate</c>.
/// Bad values throw <see cref="ArgumentException"/> with a message naming the option; keys never appear in it.
/// </summary>
internal sealed class SecurityOptions
{
    public static readonly string[] AuthValues = ["none", "low", "hls-md5", "hls-sha1", "hls-gmac", "hls-sha256", "hls-ecdsa"];

    private readonly string? _defaultLlsPassword;
    private readonly TextReader? _stdin;

    /// <param name="defaultAuth">The --auth value when it is not given.</param>
    /// <param name="systemTitleDescription">The --system-title help text.</param>
    /// <param name="defaultLlsPassword">The LLS password when --auth low gets none.</param>
    /// <param name="stdin">Where '-' secrets are read from; null means the console.</param>
    public SecurityOptions(string defaultAuth, string systemTitleDescription, string? defaultLlsPassword = null, TextReader? stdin = null)
    {
        _defaultLlsPassword = defaultLlsPassword;
        _stdin = stdin;
        Auth = new("--auth")
        {
            Description = "Authentication: none, low (LLS password), hls-md5, hls-sha1, hls-gmac, hls-sha256 or hls-ecdsa.",
            DefaultValueFactory = _ => defaultAuth,
        };
        Auth.AcceptOnlyFromAmong(AuthValues);
        Security.AcceptOnlyFromAmong("none", "auth", "enc", "auth-enc");
        Suite.AcceptOnlyFromAmong("0", "1", "2");
        SystemTitle = new("--system-title") { Description = systemTitleDescription };
    }

    public Option<string> Auth { get; }

    public SecretOption Password { get; } = new("--password", "The LLS password (--auth low) or HLS secret (hls-md5, hls-sha1, hls-sha256).");

    public Option<string> Security { get; } = new("--security")
    {
        Description = "Ciphering of every APDU: none, auth (authenticated), enc (encrypted) or auth-enc.",
        DefaultValueFactory = _ => "none",
    };

    public Option<string> Suite { get; } = new("--suite") { Description = "Security suite: 0 (AES-GCM-128), 1 (P-256), 2 (P-384, AES-256).", DefaultValueFactory = _ => "0" };

    public Option<string?> SystemTitle { get; }

    public SecretOption BlockCipherKey { get; } = new("--block-cipher-key", "Global unicast encryption key, hex (16 bytes; 32 for suite 2).");

    public SecretOption AuthenticationKey { get; } = new("--authentication-key", "Authentication key, hex (16 bytes; 32 for suite 2).");

    public SecretOption DedicatedKey { get; } = new("--dedicated-key", "Dedicated key sent in the ciphered InitiateRequest, hex (client only).");

    public Option<FileInfo?> PrivateKey { get; } = new("--private-key") { Description = "Own ECDSA private key for hls-ecdsa: PKCS#8 or SEC 1, PEM or DER." };

    public Option<FileInfo?> PeerCertificate { get; } = new("--peer-certificate") { Description = "The other side's X.509 certificate or public key (PEM or DER) for hls-ecdsa." };

    public IEnumerable<Option> All => [Auth, .. Password.All, Security, Suite, SystemTitle, .. BlockCipherKey.All, .. AuthenticationKey.All,
        .. DedicatedKey.All, PrivateKey, PeerCertificate];

    /// <summary>Checks and reads the options; <paramref name="defaultTitle"/> applies when <c>--system-title</c> is absent.</summary>
    public SecuritySettings Resolve(ParseResult parse, Cosem.Sdk.Security.SystemTitle defaultTitle, bool allowDedicatedKey)
    {
        var auth = parse.GetValue(Auth)!;
        var (givenPassword, passwordOnCommandLine) = Password.Resolve(parse, _stdin);
        var suite = (SecuritySuite)int.Parse(parse.GetValue(Suite)!, CultureInfo.InvariantCulture);
        var policy = parse.GetValue(Security) switch
        {
            "auth" => SecurityPolicy.Authenticated,
            "enc" => SecurityPolicy.Encrypted,
            "auth-enc" => SecurityPolicy.AuthenticatedEncrypted,
            _ => SecurityPolicy.None,
        };
        HlsMechanism? mechanism = auth switch
        {
            "hls-md5" => HlsMechanism.Md5,
            "hls-sha1" => HlsMechanism.Sha1,
            "hls-gmac" => HlsMechanism.Gmac,
            "hls-sha256" => HlsMechanism.Sha256,
            "hls-ecdsa" => HlsMechanism.Ecdsa,
            _ => null,
        };
        var needsSecret = auth == "low" || mechanism is HlsMechanism.Md5 or HlsMechanism.Sha1 or HlsMechanism.Sha256;
        // A password in the environment is for the commands that need one; others ignore it.
        var password = needsSecret || passwordOnCommandLine ? givenPassword : null;
        password ??= auth == "low" ? _defaultLlsPassword : null;
        if (needsSecret && string.IsNullOrEmpty(password))
        {
            throw new ArgumentException($"--auth {auth} needs --password ({(auth == "low" ? "the LLS password" : "the HLS secret")}; " +
                $"or ${Password.EnvironmentVariable}).");
        }
        if (!needsSecret && password is not null)
        {
            throw new ArgumentException($"--password is only used with --auth low, hls-md5, hls-sha1 and hls-sha256, not {auth}.");
        }

        var title = parse.GetValue(SystemTitle) is { } text ? ParseTitle(text) : defaultTitle;
        var blockKey = Key(BlockCipherKey, parse, suite);
        var authKey = Key(AuthenticationKey, parse, suite);
        var (dedicatedText, dedicatedOnCommandLine) = DedicatedKey.Resolve(parse, _stdin);
        // A dedicated key in the environment only applies where it can be used: an encrypting client.
        var dedicatedKey = dedicatedOnCommandLine || allowDedicatedKey && policy.RequiresEncryption()
            ? Key(dedicatedText, DedicatedKey, suite)
            : null;
        if (dedicatedKey is not null && !allowDedicatedKey)
        {
            throw new ArgumentException("--dedicated-key is chosen by the client; the meter learns it from the InitiateRequest.");
        }
        var needsKeys = policy != SecurityPolicy.None || mechanism == HlsMechanism.Gmac;
        if (needsKeys && (blockKey is null || authKey is null))
        {
            throw new ArgumentException($"{(policy != SecurityPolicy.None ? $"--security {parse.GetValue(Security)}" : "--auth hls-gmac")} needs --block-cipher-key and --authentication-key.");
        }
        if (dedicatedKey is not null && !policy.RequiresEncryption())
        {
            throw new ArgumentException("--dedicated-key needs encryption (--security enc or auth-enc): it travels in the InitiateRequest.");
        }
        CipheringKeys? keys = blockKey is not null && authKey is not null
            ? new CipheringKeys(suite, blockKey, authKey, dedicatedKey: dedicatedKey)
            : null;

        EccKeyPair? own = null;
        EccPublicKey? peer = null;
        if (mechanism == HlsMechanism.Ecdsa)
        {
            if (suite == SecuritySuite.Suite0)
            {
                throw new ArgumentException("--auth hls-ecdsa needs --suite 1 (P-256) or 2 (P-384).");
            }
            var ownFile = parse.GetValue(PrivateKey) ?? throw new ArgumentException("--auth hls-ecdsa needs --private-key.");
            var peerFile = parse.GetValue(PeerCertificate) ?? throw new ArgumentException("--auth hls-ecdsa needs --peer-certificate.");
            own = ReadPrivateKey(ownFile);
            peer = ReadPublicKey(peerFile);
            if (own.Curve != suite.Curve() || peer.Curve != suite.Curve())
            {
                throw new ArgumentException($"Security suite {(int)suite} uses {suite.Curve()}; the key files hold {own.Curve} and {peer.Curve} keys.");
            }
        }
        else if (parse.GetValue(PrivateKey) is not null || parse.GetValue(PeerCertificate) is not null)
        {
            throw new ArgumentException("--private-key and --peer-certificate are only used with --auth hls-ecdsa.");
        }
        return new SecuritySettings(auth, mechanism, suite, policy, title, keys, password, own, peer);
    }

    private static Cosem.Sdk.Security.SystemTitle ParseTitle(string text)
    {
        try
        {
            return Cosem.Sdk.Security.SystemTitle.Parse(text);
        }
        catch (CosemSecurityException)
        {
            throw new ArgumentException($"--system-title \"{text}\" is not 16 hex digits (8 bytes).");
        }
    }

    private byte[]? Key(SecretOption option, ParseResult parse, SecuritySuite suite) => Key(option.Resolve(parse, _stdin).Value, option, suite);

    // The messages name the option and where else the key may come from, never the key.
    private static byte[]? Key(string? hex, SecretOption secret, SecuritySuite suite)
    {
        var option = $"{secret.Name} (or ${secret.EnvironmentVariable})";
        if (hex is null)
        {
            return null;
        }
        byte[] key;
        try
        {
            key = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal));
        }
        catch (FormatException)
        {
            throw new ArgumentException($"{option} is not hexadecimal.");
        }
        var expected = suite.KeyLength();
        if (key.Length != expected)
        {
            throw new ArgumentException($"{option} has {key.Length} bytes; security suite {(int)suite} needs {expected} ({2 * expected} hex digits).");
        }
        return key;
    }

    private static EccKeyPair ReadPrivateKey(FileInfo file)
    {
        var bytes = ReadFile(file, "--private-key");
        try
        {
            if (LooksLikePem(bytes))
            {
                using var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(Encoding.ASCII.GetString(bytes));
                return EccKeyPair.FromPkcs8(ecdsa.ExportPkcs8PrivateKey());
            }
            return EccKeyPair.FromPkcs8(bytes);
        }
        catch (Exception e) when (e is CosemException or CryptographicException or ArgumentException)
        {
            throw new ArgumentException($"--private-key {file.Name} holds no P-256 or P-384 private key (PKCS#8 or SEC 1, PEM or DER).");
        }
    }

    // Also read by cosem listen --signing-key, which names itself in the messages.
    internal static EccPublicKey ReadPublicKey(FileInfo file, string option = "--peer-certificate")
    {
        var bytes = ReadFile(file, option);
        try
        {
            return CosemCertificate.Parse(bytes).PublicKey;
        }
        catch (CosemSecurityException)
        {
            // Not a certificate: a bare public key (SubjectPublicKeyInfo).
        }
        try
        {
            if (LooksLikePem(bytes))
            {
                using var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(Encoding.ASCII.GetString(bytes));
                return EccPublicKey.FromSubjectPublicKeyInfo(ecdsa.ExportSubjectPublicKeyInfo());
            }
            return EccPublicKey.FromSubjectPublicKeyInfo(bytes);
        }
        catch (Exception e) when (e is CosemException or CryptographicException or ArgumentException)
        {
            throw new ArgumentException($"{option} {file.Name} holds no X.509 certificate or P-256/P-384 public key.");
        }
    }

    private static byte[] ReadFile(FileInfo file, string option)
    {
        try
        {
            return File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{option} {file.FullName} cannot be read: {e.Message}");
        }
    }

    private static bool LooksLikePem(byte[] bytes) => bytes.AsSpan().IndexOf("-----BEGIN"u8) >= 0;
}

/// <summary>The security the options describe: mechanism, suite, policy, own title, keys, secret and ECC keys.</summary>
internal sealed record SecuritySettings(
    string Auth,
    HlsMechanism? Mechanism,
    SecuritySuite Suite,
    SecurityPolicy Policy,
    SystemTitle SystemTitle,
    CipheringKeys? Keys,
    string? Password,
    EccKeyPair? KeyPair,
    EccPublicKey? PeerKey)
{
    /// <summary>Whether the association needs system titles or keys (any HLS 5–7 or ciphering).</summary>
    public bool NeedsSecurityContext => Policy != SecurityPolicy.None || Mechanism is HlsMechanism.Gmac or HlsMechanism.Sha256 or HlsMechanism.Ecdsa;

    public byte[]? Secret => Password is null ? null : Encoding.UTF8.GetBytes(Password);

    // Never print keys or secrets.
    public override string ToString() => $"auth {Auth}, suite {(int)Suite}, security {Policy}, system title {SystemTitle}";
}
