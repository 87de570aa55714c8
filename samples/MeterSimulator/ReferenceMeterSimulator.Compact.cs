using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;

namespace Cosem.Samples.MeterSimulator;

public sealed partial class ReferenceMeterSimulator
{
    /// <summary>Logical name of the simulator's Compact data object (0.0.66.0.1.255).</summary>
    public static readonly ObisCode CompactReadingsName = new(0, 0, 66, 0, 1, 255);

    /// <summary>Compact data (class 62) of the clock and both energy totals, captured on every read of compact_buffer.</summary>
    public CompactDataServer CompactReadings { get; private set; } = null!;

    private void AddCompactReadings(CosemObject clock, CosemObject energyImport, CosemObject energyExport)
    {
        CompactReadings = new CompactDataServer(CompactReadingsName) { CaptureMethod = CompactDataCaptureMethod.ImplicitCaptureOnRead }
            .Capture(clock).Capture(energyImport).Capture(energyExport);
        Device.Add(CompactReadings);
    }
}
