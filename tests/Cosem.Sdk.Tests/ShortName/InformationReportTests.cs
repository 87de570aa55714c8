using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.EndToEnd;

namespace Cosem.Sdk.Tests.ShortName;

/// <summary>
/// The SN server's unsolicited InformationReportRequest: the application asks an open SN association to report
/// attribute values (AssociationState.SendInformationReportAsync), the client raises InformationReportReceived.
/// </summary>
public class InformationReportTests
{
    private static readonly CosemAttributeDescriptor ClockTime = new(8, LoopbackMeter.ClockName, 2);
    private static readonly CosemAttributeDescriptor EnergyValue = new(3, LoopbackMeter.EnergyName, 2);

    [Theory]
    [InlineData("tcp")]
    [InlineData("udp")]
    public async Task A_report_sent_by_the_server_reaches_the_client_with_short_names_and_values(string link)
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var client = await meter.ConnectAsync(link);
        var received = new TaskCompletionSource<InformationReportRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.InformationReportReceived += (_, report) => received.TrySetResult(report);
        var association = Assert.Single(meter.Server.OpenAssociations, a => a.ClientAddress.Value == ShortNameMeter.PublicClient);
        var time = CosemDateTime.From(LoopbackMeter.Now);

        await association.SendInformationReportAsync([EnergyValue, ClockTime], time);
        // The client reads its socket while it waits for an answer: the report arrives before the answer.
        Assert.Equal(CosemData.FromUInt32(12_345_678), await client.GetDataAsync(EnergyValue));

        var report = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([client.ShortNameOf(EnergyValue), client.ShortNameOf(ClockTime)], report.Variables.Select(v => v.VariableName));
        Assert.Equal(CosemData.FromUInt32(12_345_678), CosemData.Decode(report.Data[0].Span));
        Assert.Equal(CosemData.DateTime(time), CosemData.Decode(report.Data[1].Span));
        Assert.Equal(new CosemDateTime(report.CurrentTime.Span), time);
    }

    [Fact]
    public async Task A_report_the_association_cannot_carry_is_a_typed_error_not_a_send()
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var sn = await meter.ConnectAsync("tcp");
        await using var hdlc = await meter.ConnectAsync("hdlc", ShortNameMeter.ManagementClient);
        await using var ln = await CosemClient.ConnectAsync(meter.Transport("tcp"), new AssociationOptions { ClientAddress = ShortNameMeter.LogicalNameClient });
        var open = meter.Server.OpenAssociations;
        AssociationState Of(ushort client) => Assert.Single(open, a => a.ClientAddress.Value == client);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Of(ShortNameMeter.LogicalNameClient).SendInformationReportAsync([ClockTime]).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => Of(ShortNameMeter.ManagementClient).SendInformationReportAsync([ClockTime]).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Of(ShortNameMeter.PublicClient).SendInformationReportAsync([new CosemAttributeDescriptor(1, new(0, 0, 96, 99, 99, 255), 2)]).AsTask());

        // Released: forgotten by the server, and an association object kept by the application refuses to send.
        var kept = Of(ShortNameMeter.PublicClient);
        await sn.ReleaseAsync();
        Assert.DoesNotContain(meter.Server.OpenAssociations, a => ReferenceEquals(a, kept));
        await Assert.ThrowsAsync<InvalidOperationException>(() => kept.SendInformationReportAsync([ClockTime]).AsTask());
    }
}
