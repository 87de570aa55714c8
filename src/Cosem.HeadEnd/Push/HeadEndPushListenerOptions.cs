using System.Net;

namespace Cosem.HeadEnd.Push;

/// <summary>Where and how the head-end's <see cref="PushListenerService"/> listens for meters' pushes.</summary>
public sealed class HeadEndPushListenerOptions
{
    /// <summary>The local address to listen on. Default: every IPv4 address.</summary>
    public IPAddress Address { get; set; } = IPAddress.Any;

    /// <summary>The port (wrapper over TCP or UDP, Green Book 4059 is the IANA DLMS/COSEM port); 0 takes a free
    /// one, see <see cref="PushListenerService.LocalEndPoint"/>.</summary>
    public int Port { get; set; } = 4059;

    /// <summary>Listens for UDP datagrams instead of TCP connections.</summary>
    public bool Udp { get; set; }

    /// <summary>Refuses notifications sent in the clear (the default): a plain push could come from anyone.</summary>
    public bool RequireProtection { get; set; } = true;

    /// <summary>How long a meter's keys, once resolved from the key store, are reused before they are looked up
    /// again (so a rotated key is picked up). Default 5 minutes.</summary>
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the look-up of an unknown sender's keys (system title grain, meter grain, key store) may
    /// take before the push is refused as from an unknown meter. Default 10 seconds.</summary>
    public TimeSpan KeyLookupTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Connections (TCP connections, UDP peers) open at once. Default 4,096.</summary>
    public int MaxConnections { get; set; } = 4096;
}
