using System.Text;
using Cosem.Sdk.Client;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Serial;
using Microsoft.Extensions.Logging;

namespace Cosem.Studio.Connections;

/// <summary>
/// Turns what was entered in the connection form into the SDK's transport and association options; bad input throws
/// <see cref="ArgumentException"/> with a message for the page before anything is sent.
/// </summary>
public static class ConnectionFactory
{
    /// <summary>The authentication choices of the form, as the CLI spells them.</summary>
    public static IReadOnlyList<string> Authentications { get; } = ["none", "low", "hls-md5", "hls-sha1", "hls-gmac", "hls-sha256", "hls-ecdsa"];

    /// <summary>The security suites of the form: 0 (AES-GCM-128), 1 (ECDH-ECDSA P-256, AES-GCM-128), 2 (P-384, AES-GCM-256).</summary>
    public static IReadOnlyList<int> Suites { get; } = [0, 1, 2];

    /// <summary>The security policy choices of the form.</summary>
    public static IReadOnlyList<string> Policies { get; } = ["none", "authenticated", "encrypted", "authenticated-encrypted"];

    /// <summary>
    /// The invocation counters sent by this studio process, one per connection and client system title: a meter
    /// refuses a counter it has already seen, so reconnecting must carry on from the last one, not restart at 1.
    /// </summary>
    public static IInvocationCounterStore Counters { get; } = new InMemoryInvocationCounterStore();

    /// <summary>The transport and options for <paramref name="settings"/> and <paramref name="secrets"/>.</summary>
    public static (ClientTransport Transport, AssociationOptions Options) Create(ConnectionSettings settings, ConnectionSecrets secrets,
        ILoggerFactory? loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(secrets);
        var serial = settings.Link == LinkKind.Serial;
        var hdlc = serial || settings.Link == LinkKind.HdlcOverTcp;
        if (!serial && string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new ArgumentException("Give the meter's host name or address.");
        }
        if (!serial && settings.Port is < 1 or > 65535)
        {
            throw new ArgumentException($"Port {settings.Port} is not a TCP/UDP port (1-65535).");
        }
        if (serial && string.IsNullOrWhiteSpace(settings.SerialPort))
        {
            throw new ArgumentException("Give the serial device, e.g. /dev/ttyUSB0.");
        }
        if (hdlc && settings.ClientAddress is < 0 or > 127 || settings.ClientAddress is < 0 or > 0xFFFF)
        {
            throw new ArgumentException($"Client address {settings.ClientAddress} is not valid{(hdlc ? " for HDLC (0-127)" : " (0-65535)")}.");
        }
        if (settings.ServerAddress is < 0 or > 0x3FFF)
        {
            throw new ArgumentException($"Server address {settings.ServerAddress} is not a logical device address (0-16383).");
        }
        if (!(settings.TimeoutSeconds > 0))
        {
            throw new ArgumentException("The time-out must be a positive number of seconds.");
        }
        var (authentication, security) = Authenticate(settings, secrets);
        var transport = settings.Link switch
        {
            LinkKind.TcpWrapper => ClientTransport.Tcp(settings.Host.Trim(), settings.Port),
            LinkKind.HdlcOverTcp => ClientTransport.HdlcOverTcp(settings.Host.Trim(), settings.Port),
            LinkKind.UdpWrapper => ClientTransport.Udp(settings.Host.Trim(), settings.Port),
            _ => ClientTransport.Serial(settings.SerialPort.Trim(), settings.ModeE, settings.Baud),
        };
        return (transport, new AssociationOptions
        {
            ClientAddress = (CosemAddress)settings.ClientAddress,
            ServerAddress = (CosemAddress)settings.ServerAddress,
            PhysicalAddress = settings.PhysicalAddress,
            Authentication = authentication,
            Protection = security is { Policy: not SecurityPolicy.None } ? ApduProtection.Ciphered(security) : null,
            RequestTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            LoggerFactory = loggers,
        });
    }

    private static (Authentication, ClientSecurity?) Authenticate(ConnectionSettings settings, ConnectionSecrets secrets)
    {
        var policy = settings.Security switch
        {
            "none" => SecurityPolicy.None,
            "authenticated" => SecurityPolicy.Authenticated,
            "encrypted" => SecurityPolicy.Encrypted,
            "authenticated-encrypted" => SecurityPolicy.AuthenticatedEncrypted,
            _ => throw new ArgumentException($"Security '{settings.Security}' is not one of {string.Join(", ", Policies)}."),
        };
        HlsMechanism? mechanism = settings.Authentication switch
        {
            "none" or "low" => null,
            "hls-md5" => HlsMechanism.Md5,
            "hls-sha1" => HlsMechanism.Sha1,
            "hls-gmac" => HlsMechanism.Gmac,
            "hls-sha256" => HlsMechanism.Sha256,
            "hls-ecdsa" => HlsMechanism.Ecdsa,
            _ => throw new ArgumentException($"Authentication '{settings.Authentication}' is not one of {string.Join(", ", Authentications)}."),
        };
        var suite = settings.Suite is >= 0 and <= 2 ? (SecuritySuite)settings.Suite
            : throw new ArgumentException($"Security suite {settings.Suite} is not 0, 1 or 2.");
        var needsSecret = settings.Authentication == "low" || mechanism is HlsMechanism.Md5 or HlsMechanism.Sha1 or HlsMechanism.Sha256;
        if (needsSecret && string.IsNullOrEmpty(secrets.Password))
        {
            throw new ArgumentException(settings.Authentication == "low" ? "Low-level authentication needs the password." : "HLS needs the secret (password field).");
        }
        if (settings.Authentication == "low")
        {
            return (Authentication.Low(secrets.Password!), policy == SecurityPolicy.None ? null : throw new ArgumentException(
                "Ciphering needs HLS or no authentication in this form; choose an HLS mechanism."));
        }
        var needsKeys = policy != SecurityPolicy.None || mechanism == HlsMechanism.Gmac;
        if (mechanism is null && !needsKeys)
        {
            return (Authentication.None, null);
        }
        SystemTitle title;
        try
        {
            title = SystemTitle.Parse(settings.SystemTitle);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"System title '{settings.SystemTitle}' is not 16 hex digits.");
        }
        CipheringKeys? keys = null;
        if (needsKeys)
        {
            var block = Key(secrets.BlockCipherKey, "block cipher key", suite);
            var authentication = Key(secrets.AuthenticationKey, "authentication key", suite);
            keys = new CipheringKeys(suite, block, authentication);
        }
        EccKeyPair? own = null;
        EccPublicKey? peer = null;
        if (mechanism == HlsMechanism.Ecdsa)
        {
            if (suite == SecuritySuite.Suite0)
            {
                throw new ArgumentException("HLS-ECDSA needs security suite 1 (P-256) or 2 (P-384).");
            }
            own = SigningKeys.PrivateKey(secrets.SigningPrivateKey, suite.Curve());
            peer = SigningKeys.PublicKey(secrets.MeterPublicKey, suite.Curve());
        }
        var security = new ClientSecurity(new SecurityContext
        {
            Suite = suite,
            Policy = policy,
            SystemTitle = title,
            Keys = keys,
            KeyPair = own,
            PeerPublicKey = peer,
            Secret = needsSecret ? Encoding.UTF8.GetBytes(secrets.Password!) : default,
        }, Counters, $"{settings.Describe()} title {title}");
        return (mechanism is { } hls ? Authentication.High(hls, security) : Authentication.None, security);
    }

    private static byte[] Key(string? hex, string what, SecuritySuite suite)
    {
        var compact = (hex ?? "").Replace(" ", "", StringComparison.Ordinal);
        var length = suite.KeyLength();
        if (compact.Length != 2 * length)
        {
            throw new ArgumentException($"The {what} must be {2 * length} hex digits ({length} bytes, suite {(int)suite}).");
        }
        try
        {
            return Convert.FromHexString(compact);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"The {what} is not hex.");
        }
    }
}
