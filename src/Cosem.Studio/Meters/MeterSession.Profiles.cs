using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Studio.Profiles;

namespace Cosem.Studio.Meters;

// Profile generic buffers read by range (selector 1) or by entry (selector 2).
public sealed partial class MeterSession
{
    /// <summary>Profile generic's class id.</summary>
    public const ushort ProfileGenericClassId = 7;

    /// <summary>
    /// Reads the buffer of <paramref name="profile"/> with headings from its capture objects: rows whose time is in
    /// [<paramref name="from"/>, <paramref name="to"/>] when both are given (the restricting object is the first
    /// capture object), else entries <paramref name="fromEntry"/>..<paramref name="toEntry"/> (0: to the last).
    /// </summary>
    public async Task<ProfileTable> ReadProfileAsync(ObisCode profile, DateTimeOffset? from, DateTimeOffset? to, uint fromEntry, uint toEntry,
        CancellationToken cancellationToken)
    {
        var captureObjects = await Client.GetDataAsync(new CosemAttributeDescriptor(ProfileGenericClassId, profile, 3), cancellationToken);
        var columns = captureObjects.Type == DataType.Array ? captureObjects.Items.Select(ProfileTable.Heading).ToArray() : [];
        SelectiveAccessDescriptor access;
        if (from is { } start && to is { } end)
        {
            var restricting = captureObjects.Type == DataType.Array && captureObjects.Count > 0 && captureObjects[0].Count >= 4
                ? new CaptureObjectReference((ushort)captureObjects[0][0].AsUInt64(), captureObjects[0][1].AsObisCode(),
                    (sbyte)captureObjects[0][2].AsInt64(), (ushort)captureObjects[0][3].AsUInt64())
                : CaptureObjectReference.Clock;
            access = new RangeSelection(CosemDateTime.From(start), CosemDateTime.From(end)) { RestrictingObject = restricting }.ToDescriptor();
        }
        else
        {
            access = new EntrySelection(Math.Max(1, fromEntry), toEntry).ToDescriptor();
        }
        var buffer = await Client.GetAsync(new CosemAttributeDescriptor(ProfileGenericClassId, profile, 2), access, CosemData.Decode, cancellationToken);
        return ProfileTable.From(buffer, columns);
    }
}
