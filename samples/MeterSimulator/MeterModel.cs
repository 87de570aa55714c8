namespace Cosem.Samples.MeterSimulator;

/// <summary>
/// The physics behind the simulated meter: a household load with a daily rhythm and a small solar export, in
/// closed form, so any instant (now or ten days ago) gives the same, monotonically increasing energy totals.
/// </summary>
public sealed class MeterModel
{
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TimeProvider _time;
    private long _clockOffsetTicks;
    private int _connected = 1;

    public MeterModel(TimeProvider time, TimeZoneInfo zone, uint serialNumber)
    {
        _time = time;
        Zone = zone;
        // Each meter starts from its own totals.
        ImportBaseWh = 1_000_000 + serialNumber * 12_345L;
        ExportBaseWh = 200_000 + serialNumber * 2_345L;
    }

    public TimeZoneInfo Zone { get; }

    private long ImportBaseWh { get; }

    private long ExportBaseWh { get; }

    /// <summary>The meter clock: the host time plus whatever clients set.</summary>
    public DateTimeOffset Now => _time.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks));

    public void SetClock(DateTimeOffset time) => Interlocked.Exchange(ref _clockOffsetTicks, (time - _time.GetUtcNow()).Ticks);

    public void ShiftClock(TimeSpan shift) => Interlocked.Add(ref _clockOffsetTicks, shift.Ticks);

    private readonly Lock _supply = new();
    private DateTimeOffset _disconnectedAt;
    private long _importLostWh;
    private long _exportLostWh;

    /// <summary>The supply is connected (disconnect control output_state). While it is not, nothing is metered.</summary>
    public bool Connected
    {
        get => Volatile.Read(ref _connected) == 1;
        set
        {
            lock (_supply)
            {
                if (value == Connected)
                {
                    return;
                }
                var now = Now;
                if (!value)
                {
                    _disconnectedAt = now;
                }
                else
                {
                    // What the load would have drawn meanwhile was never delivered: keep the totals where they stopped.
                    _importLostWh += Integral(now, 1200, 600, 14, 0) - (long)Integral(_disconnectedAt, 1200, 600, 14, 0);
                    _exportLostWh += Integral(now, 400, 400, 12, 0) - (long)Integral(_disconnectedAt, 400, 400, 12, 0);
                }
                Volatile.Write(ref _connected, value ? 1 : 0);
            }
        }
    }

    private DateTimeOffset MeteredUntil(DateTimeOffset at) => Connected || at < _disconnectedAt ? at : _disconnectedAt;

    // Import power 1200 W ± 600 W, peaking at 14:00 UTC; export 400 W ± 400 W peaking at 12:00 UTC.
    private static double Hours(DateTimeOffset at) => (at - Epoch).TotalHours;

    private static double Phase(double hours, double peak) => 2 * Math.PI * (hours - peak + 6) / 24;

    public double ImportPowerW(DateTimeOffset at) => Connected ? 1200 + 600 * Math.Sin(Phase(Hours(at), 14)) : 0;

    public double ExportPowerW(DateTimeOffset at) => Connected ? 400 + 400 * Math.Sin(Phase(Hours(at), 12)) : 0;

    /// <summary>+A in Wh: the integral of the import power (closed form of ∫ a + b·sin).</summary>
    public uint ActiveEnergyImportWh(DateTimeOffset at) => (uint)(Integral(MeteredUntil(at), 1200, 600, 14, ImportBaseWh) - Interlocked.Read(ref _importLostWh));

    /// <summary>−A in Wh.</summary>
    public uint ActiveEnergyExportWh(DateTimeOffset at) => (uint)(Integral(MeteredUntil(at), 400, 400, 12, ExportBaseWh) - Interlocked.Read(ref _exportLostWh));

    private static uint Integral(DateTimeOffset at, double mean, double amplitude, double peak, long start)
    {
        var h = Math.Max(0, Hours(at));
        var k = 24 / (2 * Math.PI);
        var value = mean * h + amplitude * k * (Math.Cos(Phase(0, peak)) - Math.Cos(Phase(h, peak)));
        return (uint)Math.Min(uint.MaxValue, start + (long)value);
    }

    /// <summary>Phase voltage in 0.1 V: 230 V with a slow wobble.</summary>
    public ushort VoltageDeciVolt(DateTimeOffset at) => (ushort)(2300 + 30 * Math.Sin(Hours(at) * 7.3));

    /// <summary>Phase current in 0.01 A from the import power and voltage.</summary>
    public uint CurrentCentiAmpere(DateTimeOffset at) => (uint)(ImportPowerW(at) / (VoltageDeciVolt(at) / 10.0) * 100);
}
