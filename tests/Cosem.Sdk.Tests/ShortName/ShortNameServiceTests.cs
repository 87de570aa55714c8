using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Tests.EndToEnd;

namespace Cosem.Sdk.Tests.ShortName;

/// <summary>Every SN read and write form between our client and our server: by name, with-list, parameterized,
/// in blocks, unconfirmed, and refusals.</summary>
public class ShortNameServiceTests
{
    private static readonly CosemAttributeDescriptor ClockTime = new(8, LoopbackMeter.ClockName, 2);
    private static readonly CosemAttributeDescriptor EnergyValue = new(3, LoopbackMeter.EnergyName, 2);
    private static readonly CosemAttributeDescriptor Buffer = new(7, LoopbackMeter.ProfileName, 2);
    private static readonly CosemAttributeDescriptor BlobValue = new(1, LoopbackMeter.BlobName, 2);

    [Theory]
    [MemberData(nameof(ShortNameEndToEndTests.Links), MemberType = typeof(ShortNameEndToEndTests))]
    public async Task Read_with_list_answers_each_variable_including_one_that_does_not_exist(string link)
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var client = await meter.ConnectAsync(link);

        var results = await client.ReadAsync(
        [
            VariableAccessSpecification.ByName(client.ShortNameOf(ClockTime)),
            VariableAccessSpecification.ByName(0x7F00), // no object there
            VariableAccessSpecification.ByName(client.ShortNameOf(EnergyValue)),
        ]);

        Assert.Equal(3, results.Count);
        Assert.Equal(CosemData.DateTime(CosemDateTime.From(LoopbackMeter.Now)), CosemData.Decode(results[0].Data.Span));
        Assert.Equal(ReadResultKind.DataAccessError, results[1].Kind);
        Assert.Equal(DataAccessResult.ObjectUndefined, results[1].Error);
        Assert.Equal(CosemData.FromUInt32(12_345_678), CosemData.Decode(results[2].Data.Span));
    }

    [Fact]
    public async Task Get_many_maps_to_read_with_list_and_an_unknown_object_is_refused_alone()
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var client = await meter.ConnectAsync("tcp");

        var results = await client.GetManyAsync([ClockTime, new CosemAttributeDescriptor(1, new(0, 0, 96, 99, 99, 255), 2), EnergyValue]);

        Assert.True(results[0].IsSuccess);
        Assert.Equal(DataAccessResult.ObjectUndefined, results[1].Result);
        Assert.Equal(CosemData.FromUInt32(12_345_678), results[2].Value);
    }

    [Fact]
    public async Task A_typed_read_of_an_object_the_meter_does_not_list_is_a_typed_error()
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var client = await meter.ConnectAsync("tcp");

        var error = await Assert.ThrowsAsync<CosemServiceException>(() =>
            client.GetDataAsync(new CosemAttributeDescriptor(1, new(0, 0, 96, 99, 99, 255), 2)).AsTask());
        Assert.Equal(DataAccessResult.ObjectUndefined, error.DataAccessResult);
        var read = await Assert.ThrowsAsync<CosemServiceException>(() => client.GetDataAsync(new CosemAttributeDescriptor(3, LoopbackMeter.ClockName, 2)).AsTask());
        Assert.Equal(DataAccessResult.ObjectClassInconsistent, read.DataAccessResult);
        // The association still works afterwards.
        Assert.Equal(LoopbackMeter.Now, (await new ReferenceMeter(client).Clock.GetTimeAsync()).ToDateTimeOffset());
    }

    [Theory]
    [MemberData(nameof(ShortNameEndToEndTests.Links), MemberType = typeof(ShortNameEndToEndTests))]
    public async Task Parameterized_access_selects_profile_rows_by_range_and_by_entry(string link)
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var client = await meter.ConnectAsync(link);
        var profile = new ReferenceMeter(client).LoadProfile;

        var from = LoopbackMeter.FirstRow.AddHours(2);
        var byRange = await profile.GetBufferAsync(CosemDateTime.From(from), CosemDateTime.From(from.AddHours(1)));
        Assert.Equal([LoopbackMeter.Row(8), LoopbackMeter.Row(9), LoopbackMeter.Row(10), LoopbackMeter.Row(11), LoopbackMeter.Row(12)], byRange);
        var byEntry = await profile.GetBufferAsync(new EntrySelection(3, 5));
        Assert.Equal([LoopbackMeter.Row(2), LoopbackMeter.Row(3), LoopbackMeter.Row(4)], byEntry);
    }

    [Theory]
    [MemberData(nameof(ShortNameEndToEndTests.Links), MemberType = typeof(ShortNameEndToEndTests))]
    public async Task A_long_read_result_arrives_in_blocks(string link)
    {
        await using var meter = await ShortNameMeter.StartAsync(profileRows: 400);
        await using var client = await meter.ConnectAsync(link, maxPdu: 128);

        var rows = await new ReferenceMeter(client).LoadProfile.GetBufferAsync();
        Assert.Equal(Enumerable.Range(0, 400).Select(LoopbackMeter.Row), rows);

        // Several variables whose answer is too long together: the blocks carry the list of results.
        var many = await client.GetManyAsync([Buffer, ClockTime]);
        Assert.Equal(400, many[0].Value.Count);
        Assert.Equal(CosemData.DateTime(CosemDateTime.From(LoopbackMeter.Now)), many[1].Value);
    }

    [Fact]
    public async Task Without_block_transfer_a_long_result_is_refused_not_truncated()
    {
        await using var meter = await ShortNameMeter.StartAsync(profileRows: 400);
        // 512 bytes: the object list still fits, the 400-row buffer does not.
        await using var client = await meter.ConnectAsync("tcp", maxPdu: 512,
            conformance: AssociationOptions.ShortNameConformance & ~Conformance.BlockTransferWithGetOrRead);

        var error = await Assert.ThrowsAsync<CosemServiceException>(() => new ReferenceMeter(client).LoadProfile.GetBufferAsync().AsTask());
        Assert.Equal(DataAccessResult.OtherReason, error.DataAccessResult);
    }

    [Theory]
    [MemberData(nameof(ShortNameEndToEndTests.Links), MemberType = typeof(ShortNameEndToEndTests))]
    public async Task Write_write_with_list_and_unconfirmed_write_change_the_objects(string link)
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var client = await meter.ConnectAsync(link, ShortNameMeter.ManagementClient);

        var later = LoopbackMeter.Now.AddDays(1);
        await new ReferenceMeter(client).Clock.SetTimeAsync(CosemDateTime.From(later));
        Assert.Equal(later, meter.Clock.Time.ToDateTimeOffset());

        var results = await client.WriteAsync(
            [VariableAccessSpecification.ByName(client.ShortNameOf(BlobValue)), VariableAccessSpecification.ByName(0x7F00)],
            [CosemData.FromUInt16(0x1234).ToArray(), CosemData.FromUInt16(1).ToArray()]);
        Assert.Equal(WriteResult.Success, results[0]);
        Assert.Equal(WriteResult.FromError(DataAccessResult.ObjectUndefined), results[1]);
        Assert.Equal(CosemData.FromUInt16(0x1234), await client.GetDataAsync(BlobValue));

        await client.WriteUnconfirmedAsync([VariableAccessSpecification.ByName(client.ShortNameOf(BlobValue))], [CosemData.FromUInt16(0x5678).ToArray()]);
        // Requests of one connection are served in order: the read after it sees the unconfirmed write.
        Assert.Equal(CosemData.FromUInt16(0x5678), await client.GetDataAsync(BlobValue));
    }

    [Fact]
    public async Task Access_rights_of_the_association_apply_to_short_names()
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var client = await meter.ConnectAsync("tcp"); // public client: read-only

        var write = await Assert.ThrowsAsync<CosemServiceException>(() =>
            new ReferenceMeter(client).Clock.SetTimeAsync(CosemDateTime.From(LoopbackMeter.Now.AddDays(1))).AsTask());
        Assert.Equal(DataAccessResult.ReadWriteDenied, write.DataAccessResult);
        var invoke = await Assert.ThrowsAsync<CosemServiceException>(() => new ReferenceMeter(client).ActiveEnergyImport.ResetAsync().AsTask());
        Assert.Equal(DataAccessResult.ReadWriteDenied, invoke.DataAccessResult);
        Assert.Equal(0, meter.Energy.Resets);
        Assert.Equal(LoopbackMeter.Now, meter.Clock.Time.ToDateTimeOffset());
    }
}
