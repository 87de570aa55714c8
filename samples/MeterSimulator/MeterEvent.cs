namespace Cosem.Samples.MeterSimulator;

/// <summary>Event codes the simulator writes to its standard event log (0.0.99.98.0.255).</summary>
public enum MeterEvent : byte
{
    PowerUp = 2,
    ClockAdjustedOldTime = 4,
    ClockAdjustedNewTime = 5,
    SupplyDisconnected = 59,
    SupplyReconnected = 60,
}
