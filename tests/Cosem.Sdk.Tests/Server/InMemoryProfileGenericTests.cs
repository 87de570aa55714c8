using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Server;

public sealed class InMemoryProfileGenericTests
{
    private static readonly ObisCode ProfileName = new(1, 0, 99, 1, 0, 255);
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 0, 0, 0, TimeSpan.FromHours(1));

    private static (LogicalDevice Device, InMemoryProfileGeneric Profile, Register Energy) Build()
    {
        var clock = new Clock(new ObisCode(0, 0, 1, 0, 0, 255));
        var energy = new Register(new ObisCode(1, 0, 1, 8, 0, 255)) { Value = CosemData.FromUInt32(0) };
        var profile = new InMemoryProfileGeneric(ProfileName, capacity: 50);
        profile.Capture(clock).Capture(energy);
        for (var i = 0; i < 60; i++)
        {
            profile.Append(CosemData.Structure(CosemData.DateTime(CosemDateTime.From(Start.AddMinutes(15 * i))), CosemData.FromUInt32((uint)(1000 + i))));
        }
        var device = new LogicalDevice(1) { clock, energy, profile, new AssociationLnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16) { Access = AccessLevel.ReadOnly } };
        return (device, profile, energy);
    }

    private static async Task<CosemData> ReadBufferAsync(LogicalDevice device, SelectiveAccessDescriptor? selection)
    {
        await using var server = new CosemServer(device);
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        server.Serve(WrapperChannel.CreateServer(b));
        await server.StartAsync();
        await using var client = new RawClient(WrapperChannel.CreateClient(a));
        Assert.Equal(AssociationResult.Accepted, (await client.AssociateAsync(ServerHarness.Aarq())).Result);
        var response = await client.RequestAsync<GetResponseNormal>(new GetRequestNormal(InvokeIdAndPriority.Default,
            new CosemAttributeDescriptor(7, ProfileName, 2), selection));
        Assert.True(response.Result.HasData, $"GET failed: {response.Result.AccessResult}");
        return CosemData.Decode(response.Result.Data.Span);
    }

    [Fact]
    public void TheBufferKeepsTheNewestRowsUpToProfileEntries()
    {
        var (_, profile, _) = Build();

        Assert.Equal(50, profile.Rows.Count);
        Assert.Equal(1010, profile.Rows[0].Items[1].AsInt64());
    }

    [Fact]
    public async Task RangeSelectionOnTheClockReturnsTheRowsBetweenInclusive()
    {
        var (device, _, _) = Build();
        var from = CosemDateTime.From(Start.AddMinutes(15 * 20));
        var to = CosemDateTime.From(Start.AddMinutes(15 * 23));

        var rows = await ReadBufferAsync(device, new RangeSelection(from, to).ToDescriptor());

        Assert.Equal([1020L, 1021L, 1022L, 1023L], rows.Items.Select(r => r.Items[1].AsInt64()));
    }

    [Fact]
    public async Task RangeSelectionReturnsOnlyTheSelectedColumns()
    {
        var (device, _, _) = Build();
        var selection = new RangeSelection(CosemDateTime.From(Start.AddHours(5)), CosemDateTime.From(Start.AddHours(5).AddMinutes(15)))
        {
            Columns = [new CaptureObjectReference(3, new ObisCode(1, 0, 1, 8, 0, 255), 2)],
        };

        var rows = await ReadBufferAsync(device, selection.ToDescriptor());

        Assert.Equal(2, rows.Count);
        Assert.All(rows.Items, r => Assert.Single(r.Items));
        Assert.Equal(1020, rows.Items[0].Items[0].AsInt64());
    }

    [Fact]
    public async Task EntrySelectionCountsFromTheOldestRow()
    {
        var (device, _, _) = Build();

        var rows = await ReadBufferAsync(device, new EntrySelection(1, 3, 2, 2).ToDescriptor());

        Assert.Equal([1010L, 1011L, 1012L], rows.Items.Select(r => r.Items[0].AsInt64()));
    }

    [Fact]
    public async Task CaptureReadsTheCaptureObjects()
    {
        var (device, profile, energy) = Build();
        energy.Value = CosemData.FromUInt32(777);

        await profile.CaptureNowAsync();

        Assert.Equal(777, profile.Rows[^1].Items[1].AsInt64());
        var all = await ReadBufferAsync(device, null);
        Assert.Equal(50, all.Count);
    }
}
