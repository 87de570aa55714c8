using System.Globalization;
using System.Text;

namespace Cosem.Sdk.Objects;

public partial class PushSetupServer
{
    /// <summary>The client SAP pushes go to when push_client_sap is 0 or negative: 102, a common push client.</summary>
    public const ushort DefaultPushClientSap = 102;

    /// <summary>Reads "host:port" (IPv6 as "[address]:port") from the destination octet-string.</summary>
    internal static (string Host, int Port) ParseDestination(ReadOnlySpan<byte> destination)
    {
        var text = Encoding.ASCII.GetString(destination);
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
        {
            throw new CosemException($"The push destination '{text}' is not host:port.");
        }
        return (text[..colon].Trim('[', ']'), port);
    }

    /// <summary>The destination octet-string for <paramref name="host"/>:<paramref name="port"/>, as
    /// send_destination_and_method carries it.</summary>
    public static ReadOnlyMemory<byte> Destination(string host, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var text = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
        return Encoding.ASCII.GetBytes(text);
    }
}
