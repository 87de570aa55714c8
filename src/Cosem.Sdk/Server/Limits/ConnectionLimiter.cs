using System.Net;

namespace Cosem.Sdk.Server;

/// <summary>
/// Admits connections up to <see cref="CosemServerOptions.MaxConnections"/> in all and
/// <see cref="CosemServerOptions.MaxConnectionsPerAddress"/> per IP address; each admitted connection is left
/// exactly once. The per-address table holds only addresses with a connection open, so it cannot outgrow the
/// overall limit.
/// </summary>
internal sealed class ConnectionLimiter(int maxConnections, int maxPerAddress)
{
    private readonly Dictionary<IPAddress, int> _perAddress = [];
    private readonly Lock _lock = new();
    private int _total;

    /// <summary>Admits a connection from <paramref name="address"/> (null: no address); returns null or the <see cref="RefusalReasons"/> key.</summary>
    public string? TryEnter(IPAddress? address)
    {
        lock (_lock)
        {
            if (_total >= maxConnections)
            {
                return RefusalReasons.ConnectionLimit;
            }
            if (address is not null)
            {
                var open = _perAddress.GetValueOrDefault(address);
                if (open >= maxPerAddress)
                {
                    return RefusalReasons.AddressConnectionLimit;
                }
                _perAddress[address] = open + 1;
            }
            _total++;
            return null;
        }
    }

    /// <summary>Frees the place an admitted connection from <paramref name="address"/> held.</summary>
    public void Leave(IPAddress? address)
    {
        lock (_lock)
        {
            _total--;
            if (address is not null && _perAddress.TryGetValue(address, out var open))
            {
                if (open <= 1)
                {
                    _perAddress.Remove(address);
                }
                else
                {
                    _perAddress[address] = open - 1;
                }
            }
        }
    }

    /// <summary>The address a limit applies to: IPv4-mapped IPv6 addresses count as their IPv4 address.</summary>
    public static IPAddress? AddressOf(EndPoint? endPoint) =>
        endPoint is IPEndPoint { Address: var address } ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address) : null;
}
