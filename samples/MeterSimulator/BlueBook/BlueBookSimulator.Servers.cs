using System.Diagnostics.CodeAnalysis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;

namespace Cosem.Samples.MeterSimulator.BlueBook;

public sealed partial class BlueBookSimulator
{
    /// <summary>The working Image transfer object (0.0.44.0.0.255, the reference meter's server and limits: blocks of
    /// <see cref="ReferenceMeterSimulator.FirmwareBlockSize"/>, images of the <see cref="ImageSha256Trailer"/>
    /// convention up to <see cref="ReferenceMeterSimulator.MaxFirmwareSize"/>); <see cref="ImageTransferServer.ActiveImage"/>
    /// shows what was activated.</summary>
    public ImageTransferServer FirmwareTransfer { get; private init; } = null!;

    /// <summary>The working Compact data object (0.0.66.0.1.255): captures the profile's Clock time, Register value
    /// and Data value when capture (method 2) is invoked.</summary>
    public CompactDataServer CompactReadings { get; private init; } = null!;

    // Every object filled with sample values, except the Image transfer and Compact data objects, which become the
    // working servers the reference meter hosts (same classes, so the profile still has one object of each class).
    [RequiresUnreferencedCode(SampleValues.ReflectionReason)]
    [RequiresDynamicCode(SampleValues.ReflectionReason)]
    private static List<CosemObject> WithWorkingServers(IReadOnlyList<CosemObject> profile, MeterSimulatorOptions options,
        out ImageTransferServer firmwareTransfer, out CompactDataServer compactReadings)
    {
        var objects = new List<CosemObject>(profile.Count);
        ImageTransferServer? transfer = null;
        CompactDataServer? compact = null;
        foreach (var obj in profile)
        {
            switch (obj)
            {
                case ImageTransfer:
                    transfer = new ImageTransferServer(obj.LogicalName, ReferenceMeterSimulator.FirmwareBlockSize,
                        ReferenceMeterSimulator.MaxFirmwareSize, options.TimeProvider);
                    objects.Add(transfer);
                    break;
                case CompactData:
                    compact = new CompactDataServer(obj.LogicalName) { CaptureMethod = CompactDataCaptureMethod.InvokedCapture };
                    objects.Add(compact);
                    break;
                default:
                    SampleValues.Fill(obj);
                    objects.Add(obj);
                    break;
            }
        }
        firmwareTransfer = transfer ?? throw new InvalidOperationException("The Blue Book profile has no Image transfer object.");
        compactReadings = compact ?? throw new InvalidOperationException("The Blue Book profile has no Compact data object.");
        // Captured once the other objects hold their sample values: time, an energy register, a data value.
        compactReadings.Capture(Single<Clock>(objects)).Capture(Single<Register>(objects)).Capture(Single<Data>(objects));
        return objects;
    }

    private static T Single<T>(List<CosemObject> objects)
        where T : CosemObject => objects.OfType<T>().First(o => o.GetType() == typeof(T));
}
