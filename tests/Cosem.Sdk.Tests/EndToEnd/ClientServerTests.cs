using System.Net.Sockets;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// The real client against the real server over loopback sockets, on both transports (the wrapper over TCP and
/// HDLC over TCP): association, every service variant, selective access, refusals, release and concurrency.
/// </summary>
public class ClientServerTests
{
    private static readonly CosemAttributeDescriptor BlobValue = new(1, LoopbackMeter.BlobName, 2);
    private static readonly CosemMethodDescriptor Echo = new(1, LoopbackMeter.BlobName, 1);

    private static CosemData Blob(int length) => CosemData.OctetString(Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_public_client_reads_the_meter_through_the_generated_facade(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectPublicAsync(hdlc);
        var device = new ReferenceMeter(client);

        Assert.Equal(LoopbackMeter.Now, (await device.Clock.GetTimeAsync()).ToDateTimeOffset());
        Assert.Equal(12_345_678ul, (await device.ActiveEnergyImport.GetValueAsync()).AsUInt64());
        Assert.Equal(new ScalerUnit(-3, Unit.WattHour), await device.ActiveEnergyImport.GetScalerUnitAsync());
        Assert.Equal(900u, await device.LoadProfile.GetCapturePeriodAsync());
        Assert.Equal(96, (await device.LoadProfile.GetBufferAsync()).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_object_list_gives_typed_proxies(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectPublicAsync(hdlc);
        var objects = await client.GetObjectListAsync();

        var clock = Assert.Single(objects.OfType<Clock.Proxy>());
        Assert.Equal(LoopbackMeter.Now, (await clock.GetTimeAsync()).ToDateTimeOffset());
        Assert.Contains(objects.OfType<Register.Proxy>(), r => r.LogicalName == LoopbackMeter.EnergyName);
        Assert.Contains(objects.OfType<ProfileGeneric.Proxy>(), p => p.LogicalName == LoopbackMeter.ProfileName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Low_level_security_associates_with_the_right_password_and_is_refused_with_a_wrong_one(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using (var management = await meter.ConnectManagementAsync(hdlc))
        {
            Assert.True(management.IsAssociated);
            Assert.True((management.NegotiatedConformance & Conformance.Set) != 0);
        }
        var refused = await Assert.ThrowsAsync<CosemAssociationException>(() => CosemClient.ConnectAsync(meter.Transport(hdlc),
            new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low("00000000") }));
        Assert.Equal(AcseServiceUserDiagnostic.AuthenticationFailure, refused.Diagnostic.ServiceUserDiagnostic);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Get_with_list_reads_many_attributes_and_reports_a_refused_one(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectPublicAsync(hdlc);
        var results = await client.GetManyAsync(
        [
            new CosemAttributeDescriptor(8, LoopbackMeter.ClockName, 2),
            new CosemAttributeDescriptor(3, LoopbackMeter.EnergyName, 2),
            new CosemAttributeDescriptor(3, LoopbackMeter.EnergyName, 3),
            BlobValue,
            new CosemAttributeDescriptor(7, LoopbackMeter.ProfileName, 4),
        ]);
        Assert.Equal(LoopbackMeter.Now, results[0].Decode((ref AxdrReader r) => r.ReadDateTime()).ToDateTimeOffset());
        Assert.Equal(12_345_678ul, results[1].Value.AsUInt64());
        Assert.Equal(-3, results[2].Value[0].AsInt64());
        Assert.Equal(DataAccessResult.ReadWriteDenied, results[3].Result);
        Assert.Equal(900ul, results[4].Value.AsUInt64());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_long_profile_is_read_in_blocks(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync(profileRows: 2000);
        await using var client = await meter.ConnectPublicAsync(hdlc, new AssociationOptions { MaxReceivePduSize = 256, RequestTimeout = TimeSpan.FromSeconds(20) });
        var rows = await new ReferenceMeter(client).LoadProfile.GetBufferAsync();
        Assert.Equal(2000, rows.Count);
        Assert.Equal(LoopbackMeter.Row(1999), rows[1999]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Selective_access_by_range_and_by_entry_reads_part_of_the_profile(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectPublicAsync(hdlc);
        var profile = new ReferenceMeter(client).LoadProfile;

        var from = LoopbackMeter.FirstRow.AddHours(2);
        var byRange = await profile.GetBufferAsync(CosemDateTime.From(from), CosemDateTime.From(from.AddHours(1)));
        Assert.Equal([LoopbackMeter.Row(8), LoopbackMeter.Row(9), LoopbackMeter.Row(10), LoopbackMeter.Row(11), LoopbackMeter.Row(12)], byRange);

        var byEntry = await profile.GetBufferAsync(new EntrySelection(3, 5));
        Assert.Equal([LoopbackMeter.Row(2), LoopbackMeter.Row(3), LoopbackMeter.Row(4)], byEntry);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Set_and_action_work_normally_and_in_blocks_both_ways(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync(options: new CosemServerOptions { MaxReceivePduSize = 200 });
        await using var client = await meter.ConnectManagementAsync(hdlc, maxPdu: 200);
        Assert.Equal(200, client.ServerMaxReceivePduSize);

        await client.SetDataAsync(BlobValue, Blob(10));
        Assert.Equal(Blob(10), await client.GetDataAsync(BlobValue));

        var long1 = Blob(1500);
        await client.SetDataAsync(BlobValue, long1);         // SET-Request-With-First-Datablock and -With-Datablock
        Assert.Equal(long1, await client.GetDataAsync(BlobValue)); // GET-Response-With-Datablock

        Assert.Equal(Blob(5), await client.InvokeDataAsync(Echo, Blob(5)));
        var long2 = Blob(900);
        Assert.Equal(long2, await client.InvokeDataAsync(Echo, long2)); // parameters and return in pblocks
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_public_client_is_refused_writes_and_actions(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectPublicAsync(hdlc);
        var write = await Assert.ThrowsAsync<CosemServiceException>(() =>
            new ReferenceMeter(client).Clock.SetTimeAsync(CosemDateTime.From(DateTimeOffset.UnixEpoch)).AsTask());
        Assert.Equal(DataAccessResult.ReadWriteDenied, write.DataAccessResult);
        var action = await Assert.ThrowsAsync<CosemServiceException>(() => client.InvokeDataAsync(Echo, Blob(1)).AsTask());
        Assert.Equal(ActionResult.ReadWriteDenied, action.ActionResult);
        Assert.Equal(LoopbackMeter.Now, meter.Clock.Time.ToDateTimeOffset());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Release_ends_the_association(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        var client = await meter.ConnectPublicAsync(hdlc);
        await client.ReleaseAsync();
        Assert.False(client.IsAssociated);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetDataAsync(new CosemAttributeDescriptor(8, LoopbackMeter.ClockName, 2)).AsTask());
        await client.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Concurrent_callers_share_one_client(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectPublicAsync(hdlc);
        var device = new ReferenceMeter(client);
        var reads = Enumerable.Range(0, 60).Select(async i => (i % 3) switch
        {
            0 => (await device.Clock.GetTimeAsync()).ToDateTimeOffset() == LoopbackMeter.Now,
            1 => (await device.ActiveEnergyImport.GetValueAsync()).AsUInt64() == 12_345_678,
            _ => await device.LoadProfile.GetCapturePeriodAsync() == 900,
        });
        Assert.All(await Task.WhenAll(reads), Assert.True);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fifty_clients_run_in_parallel(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        var sessions = Enumerable.Range(0, 50).Select(async _ =>
        {
            await using var client = await meter.ConnectPublicAsync(hdlc);
            var device = new ReferenceMeter(client);
            return (await device.ActiveEnergyImport.GetValueAsync()).AsUInt64() == 12_345_678
                && (await device.LoadProfile.GetBufferAsync(new EntrySelection(1, 4))).Count == 4;
        });
        Assert.All(await Task.WhenAll(sessions), Assert.True);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Garbage_and_abrupt_disconnects_from_other_clients_do_not_disturb_a_session(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectPublicAsync(hdlc);
        var endPoint = meter.ListeningOn(hdlc);
        var random = new Random(4);

        async Task MisbehaveAsync(int round)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endPoint);
            var garbage = new byte[round % 2 == 0 ? 7 : 300];
            random.NextBytes(garbage);
            if (round % 3 == 0)
            {
                // A wrapper header (or HDLC flag and format) promising more than ever arrives, then an abrupt close.
                garbage[0] = hdlc ? (byte)0x7E : (byte)0x00;
                garbage[1] = hdlc ? (byte)0xA0 : (byte)0x01;
            }
            await socket.SendAsync(garbage);
            socket.LingerState = new LingerOption(true, 0); // RST, not FIN
        }

        for (var round = 0; round < 20; round++)
        {
            await MisbehaveAsync(round);
            Assert.Equal(12_345_678ul, (await client.GetDataAsync(new CosemAttributeDescriptor(3, LoopbackMeter.EnergyName, 2))).AsUInt64());
        }
        await using var late = await meter.ConnectPublicAsync(hdlc);
        Assert.True(late.IsAssociated);
    }
}
