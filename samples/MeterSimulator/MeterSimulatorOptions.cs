using System.Net;
using Cosem.Sdk.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Samples.MeterSimulator;

/// <summary>How a simulated meter is built and where it listens.</summary>
public sealed class MeterSimulatorOptions
{
    /// <summary>Address to listen on; loopback by default.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>TCP wrapper port (4059 is the IANA DLMS/COSEM port); 0 picks a free one; null disables.</summary>
    public int? WrapperPort { get; init; } = 4059;

    /// <summary>HDLC-over-TCP port; 0 picks a free one; null disables.</summary>
    public int? HdlcPort { get; init; } = 4060;

    /// <summary>Serial number; also makes the logical device name (COSEM SAP assignment) unique per meter.</summary>
    public uint SerialNumber { get; init; } = 1;

    /// <summary>LLS password of the management client (address 1).</summary>
    public string ManagementPassword { get; init; } = "12345678";

    /// <summary>
    /// How the management client (1) authenticates; null for LLS with <see cref="ManagementPassword"/>. HLS 5–7 need
    /// <see cref="ManagementSecurity"/> for the system titles (and, for 5, the keys).
    /// </summary>
    public AssociationAuthentication? ManagementAuthentication { get; init; }

    /// <summary>
    /// Security of the management association: system title, suite, policy and keys; null for none. When set, the
    /// invocation counter object 0.0.43.1.0.255 is readable by the public client.
    /// </summary>
    public AssociationSecurity? ManagementSecurity { get; init; }

    /// <summary>
    /// LN (default) or SN referencing: the associations of clients 16 and 1 are Association LN or Association SN
    /// objects. Over SN the management client authenticates with none or LLS.
    /// </summary>
    public Cosem.Sdk.Client.Referencing Referencing { get; init; } = Cosem.Sdk.Client.Referencing.LogicalName;

    /// <summary>The meter's time zone (clock attributes 3, 5–8).</summary>
    public TimeZoneInfo TimeZone { get; init; } = DefaultTimeZone();

    /// <summary>The meter's notion of now; a fake provider makes tests deterministic.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Days of 15-minute load profile rows present at start-up.</summary>
    public int HistoryDays { get; init; } = 10;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Where the meter pushes its readings and alarms ("host:port"); null: the Push setups exist but have no
    /// destination, and nothing is pushed.</summary>
    public string? PushDestination { get; init; }

    /// <summary>Whether pushes go over the UDP wrapper instead of the TCP wrapper.</summary>
    public bool PushOverUdp { get; init; }

    /// <summary>How often the readings are pushed once started; null pushes them only when asked (push method).</summary>
    public TimeSpan? PushInterval { get; init; }

    /// <summary>
    /// Settings of the meter's server (time-outs, connection and buffer limits); null for the defaults with
    /// <see cref="LoggerFactory"/>. When set, it is used as given, its own logger factory included.
    /// </summary>
    public CosemServerOptions? ServerOptions { get; init; }

    private static TimeZoneInfo DefaultTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
