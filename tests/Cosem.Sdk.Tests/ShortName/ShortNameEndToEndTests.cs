using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Tests.EndToEnd;

namespace Cosem.Sdk.Tests.ShortName;

/// <summary>
/// SN referencing between our client and our server over the wrapper (TCP and UDP) and HDLC: the association, the
/// object list and its base names, and the same typed proxies as under LN.
/// </summary>
public class ShortNameEndToEndTests
{
    public static TheoryData<string> Links => ["tcp", "udp", "hdlc"];

    [Theory]
    [MemberData(nameof(Links))]
    public async Task Typed_proxies_work_unchanged_over_short_names(string link)
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var client = await meter.ConnectAsync(link);

        Assert.True(client.IsShortName);
        Assert.Equal(ApplicationContextName.ShortName, client.AssociationResponse!.ApplicationContextName);
        var device = new ReferenceMeter(client);
        Assert.Equal(LoopbackMeter.Now, (await device.Clock.GetTimeAsync()).ToDateTimeOffset());
        Assert.Equal(new Quantity(12_345.678m, Unit.WattHour), await device.ActiveEnergyImport.GetQuantityAsync());
        Assert.Equal(900u, await device.LoadProfile.GetCapturePeriodAsync());
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task The_object_list_gives_the_documented_base_names()
    {
        // The rule (ShortNameTable): the association at 0xFA00, the others in device order from 0x0100, each after
        // the previous one's highest attribute or method offset plus 8 (Clock 0x88, Register 0x28, Profile generic 0x60).
        await using var meter = await ShortNameMeter.StartAsync();
        await using var client = await meter.ConnectAsync("tcp");

        Assert.Equal(0x0100, client.ShortNames[LoopbackMeter.ClockName].BaseName);
        Assert.Equal(0x0190, client.ShortNames[LoopbackMeter.EnergyName].BaseName);
        Assert.Equal(0x01C0, client.ShortNames[LoopbackMeter.ProfileName].BaseName);
        Assert.Equal(0x0228, client.ShortNames[LoopbackMeter.BlobName].BaseName);
        Assert.Equal(CosemClient.CurrentAssociationBaseName, client.ShortNames[ShortNameMeter.PublicAssociationName].BaseName);
        Assert.Equal(12, client.ShortNames[ShortNameMeter.PublicAssociationName].ClassId);
        Assert.Equal((ushort)(0x0100 + 0x08), client.ShortNameOf(new CosemAttributeDescriptor(8, LoopbackMeter.ClockName, 2)));
        Assert.Equal((ushort)(0x0100 + 0x60), client.ShortNameOf(new CosemMethodDescriptor(8, LoopbackMeter.ClockName, 1)));
        Assert.Equal((ushort)(0x0190 + 0x28), client.ShortNameOf(new CosemMethodDescriptor(3, LoopbackMeter.EnergyName, 1)));
    }

    [Fact]
    public async Task A_base_name_assigned_by_hand_is_kept_and_the_others_fill_in()
    {
        await using var meter = await ShortNameMeter.StartAsync(clockBaseName: 0x2000);
        await using var client = await meter.ConnectAsync("tcp");

        Assert.Equal(0x2000, client.ShortNames[LoopbackMeter.ClockName].BaseName);
        Assert.Equal(0x0100, client.ShortNames[LoopbackMeter.EnergyName].BaseName);
        Assert.Equal(LoopbackMeter.Now, (await new ReferenceMeter(client).Clock.GetTimeAsync()).ToDateTimeOffset());
        Assert.Equal((ushort)0x2000, meter.PublicAssociation.BaseNameOf(meter.Device, meter.Clock));
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("hdlc")]
    public async Task A_ciphered_short_name_association_reads_and_writes(string link)
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var client = await meter.ConnectCipheredAsync(link);

        Assert.Equal(ApplicationContextName.ShortNameWithCiphering, client.AssociationResponse!.ApplicationContextName);
        var device = new ReferenceMeter(client);
        Assert.Equal(LoopbackMeter.Now, (await device.Clock.GetTimeAsync()).ToDateTimeOffset());
        var later = LoopbackMeter.Now.AddHours(1);
        await device.Clock.SetTimeAsync(CosemDateTime.From(later));
        Assert.Equal(later, (await device.Clock.GetTimeAsync()).ToDateTimeOffset());

        // An unconfirmed write goes ciphered too (glo-unconfirmedWriteRequest) and gets no answer.
        var name = client.ShortNameOf(new CosemAttributeDescriptor(8, LoopbackMeter.ClockName, 2));
        await client.WriteUnconfirmedAsync([VariableAccessSpecification.ByName(name)], [CosemData.DateTime(CosemDateTime.From(LoopbackMeter.Now)).ToArray()]);
        Assert.Equal(LoopbackMeter.Now, (await device.Clock.GetTimeAsync()).ToDateTimeOffset());
    }

    [Theory]
    [MemberData(nameof(Links))]
    public async Task Methods_are_invoked_through_write_and_through_parameterized_read(string link)
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var client = await meter.ConnectAsync(link, ShortNameMeter.ManagementClient);
        var energy = new ReferenceMeter(client).ActiveEnergyImport;

        await energy.ResetAsync(); // no return parameters: a Write of the parameter at reset's short name
        Assert.Equal(1, meter.Energy.Resets);
        Assert.Equal(0ul, (await energy.GetValueAsync()).AsUInt64());

        // With return parameters wanted: a Read with parameterized access; reset returns none, so null.
        var returned = await client.InvokeDataAsync(new CosemMethodDescriptor(3, LoopbackMeter.EnergyName, 1), CosemData.FromInt8(0));
        Assert.Null(returned);
        Assert.Equal(2, meter.Energy.Resets);
    }

    [Fact]
    public async Task A_short_name_client_is_refused_by_a_logical_name_association_and_the_reverse()
    {
        await using var meter = await ShortNameMeter.StartAsync();

        var sn = await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectAsync("tcp", ShortNameMeter.LogicalNameClient));
        Assert.Equal(AcseServiceUserDiagnostic.ApplicationContextNameNotSupported, sn.Diagnostic.ServiceUserDiagnostic);
        var ln = await Assert.ThrowsAsync<CosemAssociationException>(() => CosemClient.ConnectAsync(meter.Transport("tcp"),
            new AssociationOptions { ClientAddress = ShortNameMeter.PublicClient, RequestTimeout = TimeSpan.FromSeconds(20) }));
        Assert.Equal(AcseServiceUserDiagnostic.ApplicationContextNameNotSupported, ln.Diagnostic.ServiceUserDiagnostic);
    }
}
