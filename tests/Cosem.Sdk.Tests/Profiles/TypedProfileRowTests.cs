using System.Net;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.EndToEnd;

namespace Cosem.Sdk.Tests.Profiles;

/// <summary>
/// The typed rows the generator emits for the reference meter's load profile (schema/devices/reference-meter.cosem.xml
/// declares its three capture objects), read from our server over the loopback wrapper: whole, by range, by entry,
/// block by block, and stopped early or cancelled with the association still usable afterwards.
/// </summary>
public sealed partial class TypedProfileRowTests : IAsyncLifetime
{
    private static readonly ObisCode ClockName = new(0, 0, 1, 0, 0, 255);
    private static readonly ObisCode ImportName = new(1, 0, 1, 8, 0, 255);
    private static readonly ObisCode ExportName = new(1, 0, 2, 8, 0, 255);
    private static readonly ObisCode ProfileName = new(1, 0, 99, 1, 0, 255);
    private static readonly DateTimeOffset FirstRow = new(2024, 6, 14, 0, 0, 0, TimeSpan.Zero);
    private const int RowCount = 2_000;

    // The client's request time-out (20 s) bounds every test.
    private static CancellationToken Timeout => CancellationToken.None;

    private CosemServer? _server;
    private ServerEndPoint? _endPoint;

    internal static CosemData Row(int i) => CosemData.Structure(
        CosemData.DateTime(CosemDateTime.From(FirstRow.AddMinutes(15 * i))),
        CosemData.FromUInt32((uint)(1000 + i)),
        CosemData.FromUInt32((uint)(2 * i)));

    private static ReferenceMeter.LoadProfileRow Expected(int i) =>
        new(CosemDateTime.From(FirstRow.AddMinutes(15 * i)), (uint)(1000 + i), (uint)(2 * i));

    public async Task InitializeAsync()
    {
        var profile = new RangeProfile(ProfileName)
        {
            CapturePeriod = 900,
            CaptureObjects =
            [
                new CaptureObjectDefinition(8, ClockName, 2, 0),
                new CaptureObjectDefinition(3, ImportName, 2, 0),
                new CaptureObjectDefinition(3, ExportName, 2, 0),
            ],
            Buffer = Enumerable.Range(0, RowCount).Select(Row).ToArray(),
            EntriesInUse = RowCount,
            ProfileEntries = RowCount,
        };
        var device = new LogicalDevice(1)
        {
            new Clock(ClockName) { Time = CosemDateTime.From(FirstRow) },
            profile,
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16) { Access = AccessLevel.ReadOnly },
        };
        _server = new CosemServer(device).Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out var endPoint);
        _endPoint = endPoint;
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    // A small PDU, so the buffer comes in GET-Response-With-Datablock blocks of about 200 bytes (rows cut across them).
    private Task<CosemClient> ConnectAsync(ushort maxPdu = 256) =>
        CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", _endPoint!.EndPoint!.Port),
            new AssociationOptions { ClientAddress = 16, MaxReceivePduSize = maxPdu, RequestTimeout = TimeSpan.FromSeconds(20) });

    [Theory]
    [InlineData(256)]
    [InlineData(0xFFFF)]
    public async Task ReadAllAsync_yields_every_row_typed(int maxPdu)
    {
        await using var client = await ConnectAsync((ushort)maxPdu);
        var meter = new ReferenceMeter(client);
        var rows = new List<ReferenceMeter.LoadProfileRow>();
        await foreach (var row in meter.LoadProfile.ReadAllAsync(Timeout))
        {
            rows.Add(row);
        }
        Assert.Equal(RowCount, rows.Count);
        Assert.Equal(Expected(0), rows[0]);
        Assert.Equal(Expected(1234), rows[1234]);
        Assert.Equal(Expected(RowCount - 1), rows[^1]);
        Assert.Equal(new Quantity(1000m, Unit.WattHour), rows[0].ActiveEnergyImportQuantity);
        Assert.Equal(FirstRow.AddMinutes(15), rows[1].Time.ToDateTimeOffset());
    }

    [Fact]
    public async Task ReadRangeAsync_yields_the_rows_of_the_range()
    {
        await using var client = await ConnectAsync();
        var meter = new ReferenceMeter(client);
        var rows = new List<ReferenceMeter.LoadProfileRow>();
        await foreach (var row in meter.LoadProfile.ReadRangeAsync(FirstRow.AddHours(10), FirstRow.AddHours(12), Timeout))
        {
            rows.Add(row);
        }
        Assert.Equal(Enumerable.Range(40, 9).Select(Expected), rows);
    }

    [Fact]
    public async Task ReadEntriesAsync_yields_the_rows_by_entry()
    {
        await using var client = await ConnectAsync();
        var meter = new ReferenceMeter(client);
        var rows = new List<ReferenceMeter.LoadProfileRow>();
        await foreach (var row in meter.LoadProfile.ReadEntriesAsync(11, 20, Timeout))
        {
            rows.Add(row);
        }
        Assert.Equal(Enumerable.Range(10, 10).Select(Expected), rows);
    }

    [Fact]
    public async Task Breaking_out_early_leaves_the_association_usable()
    {
        await using var client = await ConnectAsync();
        var meter = new ReferenceMeter(client);
        int seen = 0;
        await foreach (var row in meter.LoadProfile.ReadAllAsync(Timeout))
        {
            Assert.Equal(Expected(seen), row);
            if (++seen == 5)
            {
                break;
            }
        }
        Assert.Equal(CosemDateTime.From(FirstRow), await meter.Clock.GetTimeAsync(Timeout));
        var again = await meter.LoadProfile.ReadEntriesAsync(1, 3, Timeout).ToListAsync(Timeout);
        Assert.Equal(Enumerable.Range(0, 3).Select(Expected), again);
    }

    [Fact]
    public async Task Cancelling_stops_the_transfer_and_the_next_request_works()
    {
        await using var client = await ConnectAsync();
        var meter = new ReferenceMeter(client);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Timeout);
        int seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var row in meter.LoadProfile.ReadAllAsync(cts.Token))
            {
                if (++seen == 20)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.InRange(seen, 20, RowCount - 1);
        Assert.Equal(CosemDateTime.From(FirstRow), await meter.Clock.GetTimeAsync(Timeout));
    }

    [Fact]
    public async Task A_session_other_than_the_client_reads_the_answer_whole_and_yields_the_same_rows()
    {
        var profile = new ProfileGeneric(ProfileName) { Buffer = Enumerable.Range(0, 50).Select(Row).ToArray() };
        var session = new LoopbackSession([profile]);
        var proxy = new ReferenceMeter.LoadProfileProxy(session, ProfileName);
        var rows = await proxy.ReadAllAsync(Timeout).ToListAsync(Timeout);
        Assert.Equal(Enumerable.Range(0, 50).Select(Expected), rows);
    }

    [Fact]
    public async Task Without_a_device_profile_rows_decode_through_the_shape_of_capture_objects()
    {
        await using var client = await ConnectAsync();
        var proxy = new ProfileGeneric.Proxy(client, ProfileName);
        var rows = await proxy.ReadRowsAsync(cancellationToken: Timeout).ToListAsync(Timeout);
        Assert.Equal(RowCount, rows.Count);
        var shape = rows[0].Shape;
        Assert.Same(shape, rows[^1].Shape);
        Assert.Equal(3, rows[7].Count);
        Assert.Equal(1, shape.IndexOf(ImportName));
        Assert.Equal(-1, shape.IndexOf(ProfileName));
        Assert.Equal(CosemDateTime.From(FirstRow.AddMinutes(15 * 7)), rows[7].GetDateTime(0));
        Assert.Equal(1007, rows[7].GetInt64(1));
        Assert.Equal(14, rows[7].GetInt64(shape.IndexOf(ExportName)));
        Assert.Equal(new Quantity(1.007m, Unit.WattHour), rows[7].GetQuantity(1, new ScalerUnit(-3, Unit.WattHour)));
        Assert.Equal(DataType.DoubleLongUnsigned, rows[7].GetDataType(2));
        Assert.Equal(Row(7), rows[7].ToData());
        Assert.Equal(CosemData.FromUInt32(14), rows[7].GetData(2));
        Assert.Throws<CosemEncodingException>(() => rows[7].GetDateTime(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => rows[7].GetInt64(3));

        // The second read reuses the shape (capture_objects is not read again) and selective access applies.
        var some = await proxy.ReadRowsAsync(new EntrySelection(5, 6).ToDescriptor(), Timeout).ToListAsync(Timeout);
        Assert.Equal([Row(4), Row(5)], some.Select(r => r.ToData()));
        Assert.Same(shape, some[0].Shape);
        Assert.Same(shape, ProfileShape.For(shape.Columns.ToArray()));
    }

    [Fact]
    public void The_row_type_lists_its_declared_capture_objects()
    {
        Assert.Equal(
            [CaptureObjectReference.Clock, new CaptureObjectReference(3, ImportName, 2), new CaptureObjectReference(3, ExportName, 2)],
            ReferenceMeter.LoadProfileRow.CaptureObjects);
    }
}
