using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Tests.Client;

/// <summary>
/// GetAsync takes a GET-Response-Normal's value as the rest of the APDU without walking it first
/// (CosemClient.GetNormalValue.cs): the value's decode alone must still refuse what the walk refused.
/// </summary>
public sealed class GetNormalValueTests
{
    private static readonly CosemAttributeDescriptor Energy = new(3, new ObisCode(1, 0, 1, 8, 0, 255), 2);

    // double-long-unsigned 258
    private static readonly byte[] Value = [0x06, 0x00, 0x00, 0x01, 0x02];

    private static ScriptedMeter MeterAnswering(params byte[] value) => new(request => request switch
    {
        GetRequestNormal normal => [[(byte)ApduTag.GetResponse, 0x01, normal.InvokeIdAndPriority.Value, 0x00, .. value]],
        _ => [],
    });

    [Fact]
    public async Task A_value_reads_as_a_generic_value_and_as_its_type()
    {
        await using var meter = MeterAnswering(Value);
        await using var client = await meter.ConnectAsync();

        Assert.Equal(CosemData.FromUInt32(258), await client.GetDataAsync(Energy));
        Assert.Equal(258u, await client.GetAsync(Energy, (ref AxdrReader r) => r.ReadUInt32()));
    }

    [Fact]
    public async Task Bytes_after_the_value_are_refused()
    {
        await using var meter = MeterAnswering([.. Value, 0x00]);
        await using var client = await meter.ConnectAsync();

        await Assert.ThrowsAnyAsync<CosemEncodingException>(() => client.GetDataAsync(Energy).AsTask());
        await Assert.ThrowsAnyAsync<CosemEncodingException>(() => client.GetAsync(Energy, (ref AxdrReader r) => r.ReadUInt32()).AsTask());
    }

    [Fact]
    public async Task A_truncated_value_is_refused()
    {
        await using var meter = MeterAnswering(Value[..3]);
        await using var client = await meter.ConnectAsync();

        await Assert.ThrowsAnyAsync<CosemEncodingException>(() => client.GetDataAsync(Energy).AsTask());
    }
}
