using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.Push;

/// <summary>
/// What data_index does in a Push setup v0–v2 push_object_list entry ({class_id, logical_name, attribute_index,
/// data_index}; docs/push.md "data_index and selective access"): 0 pushes the whole attribute; n pushes element n
/// (1-based) of an array or structure value — for a Profile generic buffer, the n-th entry in buffer order, whole;
/// beyond the last element, null-data. The entry has no place for a selective access descriptor, so no range or
/// column selection is pushed.
/// </summary>
public sealed class PushDataIndexTests
{
    private static readonly ObisCode ProfileName = new(1, 0, 99, 1, 0, 255);
    private static readonly ObisCode EnergyName = new(1, 0, 1, 8, 0, 255);

    [Fact]
    public async Task Data_index_picks_one_whole_buffer_entry_and_zero_the_whole_buffer()
    {
        var device = new LogicalDevice();
        var energy = new Data(EnergyName) { Value = CosemData.FromUInt32(100) };
        var profile = new InMemoryProfileGeneric(ProfileName, 10).Capture(energy);
        device.Add(energy);
        device.Add(profile);
        foreach (var reading in new uint[] { 100, 200, 300 })
        {
            energy.Value = CosemData.FromUInt32(reading);
            await profile.CaptureNowAsync();
        }
        var push = new PushSetupServer(new ObisCode(0, 0, 25, 9, 0, 255), device, new PushSetupServerOptions());
        device.Add(push);
        push.Push(profile, 2).Push(profile, 2, dataIndex: 2).Push(profile, 2, dataIndex: 4);

        var notification = (DataNotification)ApduDecoder.DecodeXdlms(await push.BuildNotificationAsync());
        var body = CosemData.Decode(notification.Body.Span);

        Assert.Equal(3, body.Count);
        Assert.Equal(DataType.Array, body[0].Type);
        Assert.Equal(3, body[0].Count);
        Assert.Equal(CosemData.Structure(CosemData.FromUInt32(200)), body[1]);
        Assert.Equal(DataType.NullData, body[2].Type);
    }
}
