using Cosem.HeadEnd.Meters;

namespace Cosem.HeadEnd.Simulation;

/// <summary>How many simulated meters, behind how many ports, and how they behave.</summary>
public sealed class SimulatedMeterFarmOptions
{
    /// <summary>Meters in all. Default 1,000.</summary>
    public int Meters { get; set; } = 1000;

    /// <summary>Meters (logical devices) behind one port; the server SAP tells them apart. At most 8,000, so
    /// addresses fit HDLC's 14-bit upper address. Default 1,000.</summary>
    public int MetersPerPort { get; set; } = 1000;

    /// <summary>Wrapper or HDLC over TCP.</summary>
    public MeterTransport Transport { get; set; } = MeterTransport.Wrapper;

    /// <summary>The frozen meter clock: every read of the farm sees this time, so repeated reads of a meter produce
    /// the same readings (what the no-duplicate tests count on). Default: five minutes past a quarter-hour, ten minutes
    /// before the start at most.</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>Load profile rows per meter (15-minute period, ending at <see cref="Now"/>). Default 4.</summary>
    public int ProfileRows { get; set; } = 4;

    /// <summary>Event log entries per meter. Default 2.</summary>
    public int EventRows { get; set; } = 2;

    /// <summary>The last this many meters demand a password the head-end does not have: every association is
    /// refused. Default 0.</summary>
    public int RefusingMeters { get; set; }

    /// <summary>A delay added to each register read, to keep sessions open longer (tests that stop a silo
    /// mid-read). Default none.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>The time between scheduled reads given to each meter's settings. Default 15 minutes.</summary>
    public TimeSpan ReadInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>When set, every meter demands HLS-SHA256 and ciphered APDUs with this material (null: no security).</summary>
    public SimulatedMeterSecurity? Security { get; set; }
}
