using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.EndToEnd;

namespace Cosem.Sdk.Tests.ShortName;

/// <summary>
/// Long SN writes in write-data-block-access blocks (IEC 62056-5-3 §9.5): the client cuts a WriteRequest longer
/// than the meter's PDU size into blocks, the server joins them (bounded) and writes the whole value.
/// </summary>
public class ShortNameWriteBlockTests
{
    private static readonly CosemAttributeDescriptor BlobValue = new(1, LoopbackMeter.BlobName, 2);
    private static readonly CosemServerOptions SmallPdu = new() { MaxReceivePduSize = 128 };

    private static byte[] LongValue(int length) => CosemData.OctetString(Enumerable.Range(0, length).Select(i => (byte)i).ToArray()).ToArray();

    [Theory]
    [MemberData(nameof(ShortNameEndToEndTests.Links), MemberType = typeof(ShortNameEndToEndTests))]
    public async Task A_value_longer_than_the_meter_PDU_is_written_in_blocks(string link)
    {
        await using var meter = await ShortNameMeter.StartAsync(options: SmallPdu);
        await using var client = await meter.ConnectAsync(link, ShortNameMeter.ManagementClient);
        var value = LongValue(1000);

        var results = await client.WriteAsync([VariableAccessSpecification.ByName(client.ShortNameOf(BlobValue))], [value]);

        Assert.Equal([WriteResult.Success], results);
        Assert.Equal(value, meter.Blob.Value);
    }

    [Fact]
    public async Task A_typed_set_and_a_write_with_list_go_in_blocks_too()
    {
        await using var meter = await ShortNameMeter.StartAsync(options: SmallPdu);
        await using var client = await meter.ConnectAsync("tcp", ShortNameMeter.ManagementClient);
        var value = LongValue(600);

        await client.SetDataAsync(BlobValue, CosemData.Decode(value));
        Assert.Equal(value, meter.Blob.Value);

        var results = await client.WriteAsync(
            [VariableAccessSpecification.ByName(0x7F00), VariableAccessSpecification.ByName(client.ShortNameOf(BlobValue))],
            [LongValue(10), LongValue(300)]);
        Assert.Equal([WriteResult.FromError(DataAccessResult.ObjectUndefined), WriteResult.Success], results);
        Assert.Equal(LongValue(300), meter.Blob.Value);
    }

    [Fact]
    public async Task Without_block_transfer_negotiated_a_long_write_is_refused_before_sending()
    {
        await using var meter = await ShortNameMeter.StartAsync(options: SmallPdu);
        await using var client = await meter.ConnectAsync("tcp", ShortNameMeter.ManagementClient,
            conformance: AssociationOptions.ShortNameConformance & ~Conformance.BlockTransferWithSetOrWrite);

        await Assert.ThrowsAnyAsync<CosemException>(() =>
            client.WriteAsync([VariableAccessSpecification.ByName(client.ShortNameOf(BlobValue))], [LongValue(1000)]).AsTask());
        Assert.Equal([(byte)DataType.Unsigned, 42], meter.Blob.Value);
    }

    [Fact]
    public async Task The_server_bounds_the_joined_write_and_refuses_blocks_out_of_order()
    {
        await using var meter = await ShortNameMeter.StartAsync(options: new CosemServerOptions { MaxReceivePduSize = 128, MaxIncomingBlockBytes = 512 });
        await using var client = await meter.ConnectAsync("tcp", ShortNameMeter.ManagementClient);

        var tooLong = await client.WriteAsync([VariableAccessSpecification.ByName(client.ShortNameOf(BlobValue))], [LongValue(1000)]);
        Assert.Equal([WriteResult.FromError(DataAccessResult.LongSetAborted)], tooLong);
        Assert.Equal([(byte)DataType.Unsigned, 42], meter.Blob.Value);

        // A block 2 with no block 1 before it, and a block that skips one.
        ReadOnlyMemory<byte>[] chunk = [CosemData.OctetString([1, 2, 3]).ToArray()];
        var orphan = await client.WriteAsync([VariableAccessSpecification.WriteDataBlockAccess(false, 2)], chunk);
        Assert.Equal([WriteResult.FromError(DataAccessResult.NoLongSetInProgress)], orphan);
        Assert.Equal([WriteResult.FromBlockNumber(1)],
            await client.WriteAsync([VariableAccessSpecification.WriteDataBlockAccess(false, 1)], chunk));
        Assert.Equal([WriteResult.FromError(DataAccessResult.DataBlockNumberInvalid)],
            await client.WriteAsync([VariableAccessSpecification.WriteDataBlockAccess(true, 3)], chunk));

        // The association is still usable for a write that fits.
        Assert.Equal([WriteResult.Success],
            await client.WriteAsync([VariableAccessSpecification.ByName(client.ShortNameOf(BlobValue))], [LongValue(20)]));
        Assert.Equal(LongValue(20), meter.Blob.Value);
    }

    [Fact]
    public async Task A_joined_request_that_is_not_a_write_request_is_refused_with_a_service_error()
    {
        await using var meter = await ShortNameMeter.StartAsync(options: SmallPdu);
        await using var client = await meter.ConnectAsync("tcp", ShortNameMeter.ManagementClient);

        ReadOnlyMemory<byte>[] garbage = [CosemData.OctetString([0x01, 0xFF, 0xFF]).ToArray()];
        await Assert.ThrowsAnyAsync<CosemException>(() =>
            client.WriteAsync([VariableAccessSpecification.WriteDataBlockAccess(true, 1)], garbage).AsTask());
        Assert.Equal([WriteResult.Success],
            await client.WriteAsync([VariableAccessSpecification.ByName(client.ShortNameOf(BlobValue))], [LongValue(20)]));
    }
}
