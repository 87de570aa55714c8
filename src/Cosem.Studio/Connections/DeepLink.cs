using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Cosem.Studio.Connections;

/// <summary>
/// <c>/connect?host=…&amp;port=…&amp;client=16&amp;server=1&amp;link=wrapper|hdlc|udp&amp;auth=none</c>: connection settings
/// from a link. Links carry no secret: a secret parameter is refused, so a password never lands in a browser history.
/// </summary>
public static class DeepLink
{
    private static readonly string[] SecretNames = ["password", "secret", "key", "block-cipher-key", "authentication-key", "bk", "ak", "private-key", "signing-key"];

    /// <summary>The settings a query string describes; bad values throw <see cref="ArgumentException"/> saying which.</summary>
    public static ConnectionSettings Parse(string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        foreach (var name in SecretNames)
        {
            if (values.ContainsKey(name))
            {
                throw new ArgumentException($"Links carry no secrets: remove '{name}' and enter it in the page.");
            }
        }
        var settings = new ConnectionSettings();
        if (values.TryGetValue("link", out var link))
        {
            settings.Link = ConnectionSettings.ParseLink(link) ?? throw new ArgumentException($"link={link} is not wrapper, hdlc, udp or serial.");
            if (settings.Link == LinkKind.HdlcOverTcp)
            {
                settings.Port = 4060;
            }
        }
        if (values.TryGetValue("host", out var host))
        {
            settings.Host = host.ToString();
        }
        settings.Port = Integer(values, "port", settings.Port);
        settings.ClientAddress = Integer(values, "client", settings.ClientAddress);
        settings.ServerAddress = Integer(values, "server", settings.ServerAddress);
        if (values.ContainsKey("physical"))
        {
            settings.PhysicalAddress = Integer(values, "physical", 0);
        }
        if (values.TryGetValue("serial", out var serial))
        {
            (settings.Link, settings.SerialPort) = (LinkKind.Serial, serial.ToString());
        }
        if (values.TryGetValue("auth", out var auth))
        {
            settings.Authentication = auth.ToString();
        }
        if (values.TryGetValue("security", out var security))
        {
            settings.Security = security.ToString();
        }
        settings.Suite = Integer(values, "suite", settings.Suite);
        settings.Name = settings.Describe();
        return settings;
    }

    /// <summary>The link that opens <paramref name="settings"/> (without secrets).</summary>
    public static string For(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var query = new Dictionary<string, string?>
        {
            ["link"] = ConnectionSettings.LinkName(settings.Link),
            ["client"] = settings.ClientAddress.ToString(CultureInfo.InvariantCulture),
            ["server"] = settings.ServerAddress.ToString(CultureInfo.InvariantCulture),
            ["auth"] = settings.Authentication,
        };
        if (settings.Suite != 0)
        {
            query["suite"] = settings.Suite.ToString(CultureInfo.InvariantCulture);
        }
        if (settings.Link == LinkKind.Serial)
        {
            query["serial"] = settings.SerialPort;
        }
        else
        {
            query["host"] = settings.Host;
            query["port"] = settings.Port.ToString(CultureInfo.InvariantCulture);
        }
        return QueryHelpers.AddQueryString("/connect", query);
    }

    private static int Integer(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> values, string name, int fallback)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name}={text} is not a number.");
    }
}
