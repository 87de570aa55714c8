using System.Text;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Objects;

namespace Cosem.Samples.MeterSimulator;

public sealed partial class ReferenceMeterSimulator
{
    /// <summary>The simulator's image_block_size: 512 bytes per block.</summary>
    public const uint FirmwareBlockSize = 512;

    /// <summary>The largest image the simulator accepts: 8 MiB.</summary>
    public const uint MaxFirmwareSize = 8 * 1024 * 1024;

    /// <summary>The active firmware identifier (1.0.0.2.0.255): what an activated image's identifier says.</summary>
    public Data FirmwareVersion { get; } = new(FirmwareVersionName) { Value = CosemData.VisibleString("Cosem.Sdk simulator 1.0") };

    /// <summary>The Image transfer object (0.0.44.0.0.255): images follow the <see cref="ImageSha256Trailer"/>
    /// convention, and activating one makes its identifier the firmware version.</summary>
    public ImageTransferServer FirmwareTransfer { get; private set; } = null!;

    private void AddFirmwareTransfer()
    {
        FirmwareTransfer = new ImageTransferServer(ImageTransferServer.DefaultLogicalName, FirmwareBlockSize, MaxFirmwareSize, _options.TimeProvider)
        {
            Activating = (image, _) =>
            {
                FirmwareVersion.Value = CosemData.VisibleString(Describe(image.Identifier.Span));
                return default;
            },
        };
        Device.Add(FirmwareTransfer);
    }

    // A printable ASCII identifier is shown as text, anything else in hex.
    private static string Describe(ReadOnlySpan<byte> identifier)
    {
        foreach (var b in identifier)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return Convert.ToHexString(identifier);
            }
        }
        return Encoding.ASCII.GetString(identifier);
    }
}
