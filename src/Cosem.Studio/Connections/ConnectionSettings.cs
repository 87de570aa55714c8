namespace Cosem.Studio.Connections;

/// <summary>How the studio reaches a meter.</summary>
public enum LinkKind
{
    /// <summary>The TCP wrapper (IEC 62056-47).</summary>
    TcpWrapper,

    /// <summary>HDLC (IEC 62056-46) over a TCP connection.</summary>
    HdlcOverTcp,

    /// <summary>The UDP wrapper: one APDU per datagram.</summary>
    UdpWrapper,

    /// <summary>HDLC on a serial line, optionally opened with the IEC 62056-21 mode E sign-on (optical probes).</summary>
    Serial,
}

/// <summary>
/// Everything about a connection that may be shown, saved in a profile and put in a deep link: no secret lives here
/// (those are in <see cref="ConnectionSecrets"/>).
/// </summary>
public sealed record ConnectionSettings
{
    /// <summary>The profile name shown in lists; defaults to the endpoint.</summary>
    public string Name { get; set; } = "";

    /// <summary>The link and framing.</summary>
    public LinkKind Link { get; set; } = LinkKind.TcpWrapper;

    /// <summary>Host name or address for the TCP and UDP links.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP/UDP port; 4059 for the wrapper, usually 4060 for HDLC over TCP on the simulator.</summary>
    public int Port { get; set; } = 4059;

    /// <summary>The serial device (/dev/ttyUSB0, COM3) for <see cref="LinkKind.Serial"/>.</summary>
    public string SerialPort { get; set; } = "/dev/ttyUSB0";

    /// <summary>Open the serial line with the mode E sign-on at 300 baud before HDLC.</summary>
    public bool ModeE { get; set; }

    /// <summary>Baud rate of direct HDLC on a serial line.</summary>
    public int Baud { get; set; } = 9600;

    /// <summary>Client address (16 public, 1 management).</summary>
    public int ClientAddress { get; set; } = 16;

    /// <summary>Server (logical device) address.</summary>
    public int ServerAddress { get; set; } = 1;

    /// <summary>HDLC physical device address; null for none.</summary>
    public int? PhysicalAddress { get; set; }

    /// <summary>none, low, hls-md5, hls-sha1, hls-gmac, hls-sha256 or hls-ecdsa (suites 1 and 2 only).</summary>
    public string Authentication { get; set; } = "none";

    /// <summary>none, authenticated, encrypted or authenticated-encrypted (with the keys of <see cref="Suite"/>).</summary>
    public string Security { get; set; } = "none";

    /// <summary>
    /// Security suite: 0 (AES-GCM-128), 1 (ECDH-ECDSA P-256 with AES-GCM-128) or 2 (P-384 with AES-GCM-256, 32-byte
    /// keys); HLS-ECDSA needs 1 or 2.
    /// </summary>
    public int Suite { get; set; }

    /// <summary>The client system title, 16 hex digits (needed by ciphering and HLS-GMAC/SHA-256).</summary>
    public string SystemTitle { get; set; } = "434F53454D535455";

    /// <summary>Seconds to wait for each answer.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>What the connection reaches, for titles and messages, e.g. <c>wrapper 127.0.0.1:4059 client 16</c>.</summary>
    public string Describe() => Link switch
    {
        LinkKind.Serial => $"serial {SerialPort}{(ModeE ? " mode E" : "")} client {ClientAddress} server {ServerAddress}",
        _ => $"{LinkName(Link)} {Endpoint} client {ClientAddress} server {ServerAddress}",
    };

    /// <summary>host:port, with brackets around an IPv6 address.</summary>
    public string Endpoint => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>The short word for a link kind used in forms, links and descriptions.</summary>
    public static string LinkName(LinkKind link) => link switch
    {
        LinkKind.TcpWrapper => "wrapper",
        LinkKind.HdlcOverTcp => "hdlc",
        LinkKind.UdpWrapper => "udp",
        _ => "serial",
    };

    /// <summary>The link kind of a word from <see cref="LinkName"/>; null when it is none of them.</summary>
    public static LinkKind? ParseLink(string? text) => text?.ToLowerInvariant() switch
    {
        "wrapper" or "tcp" => LinkKind.TcpWrapper,
        "hdlc" => LinkKind.HdlcOverTcp,
        "udp" => LinkKind.UdpWrapper,
        "serial" => LinkKind.Serial,
        _ => null,
    };
}

/// <summary>
/// The secrets of a connection as entered in the page: kept in memory for the open connection only, stored in a
/// profile only through ASP.NET Core Data Protection, and never written to a log or a deep link.
/// </summary>
public sealed class ConnectionSecrets
{
    /// <summary>LLS password or HLS secret (text).</summary>
    public string? Password { get; set; }

    /// <summary>Global unicast encryption key, hex.</summary>
    public string? BlockCipherKey { get; set; }

    /// <summary>Authentication key, hex.</summary>
    public string? AuthenticationKey { get; set; }

    /// <summary>The client's ECDSA signing private key for HLS-ECDSA: PEM (PKCS#8 or SEC 1) or the hex scalar d.</summary>
    public string? SigningPrivateKey { get; set; }

    /// <summary>The meter's public signing key for HLS-ECDSA: PEM certificate or public key, or hex X ‖ Y.</summary>
    public string? MeterPublicKey { get; set; }

    /// <summary>Whether any secret is set.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Password) && string.IsNullOrEmpty(BlockCipherKey) && string.IsNullOrEmpty(AuthenticationKey)
        && string.IsNullOrEmpty(SigningPrivateKey) && string.IsNullOrEmpty(MeterPublicKey);

    /// <summary>Masks every secret, so a stray ToString cannot leak one.</summary>
    public override string ToString() => IsEmpty ? "no secrets" : "secrets: ***";
}
