using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.ShortName;

/// <summary>The base-name rule of <see cref="AssociationSnServer"/>: deterministic, stable when objects are added,
/// user-overridable, and a clash is a clear error rather than two objects sharing names.</summary>
public class ShortNameTableTests
{
    private static readonly ObisCode ClockName = new(0, 0, 1, 0, 0, 255);
    private static readonly ObisCode EnergyName = new(1, 0, 1, 8, 0, 255);
    private static readonly ObisCode NameplateName = new(0, 0, 96, 1, 0, 255);

    [Fact]
    public void Names_follow_the_device_order_and_adding_an_object_moves_none()
    {
        var association = new AssociationSnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16);
        var clock = new Clock(ClockName);
        var energy = new Register(EnergyName);
        var device = new LogicalDevice(1) { clock, association, energy };

        Assert.Equal((ushort)0xFA00, association.BaseNameOf(device, association));
        Assert.Equal((ushort)0x0100, association.BaseNameOf(device, clock));
        Assert.Equal((ushort)0x0190, association.BaseNameOf(device, energy)); // after Clock's last method, 0x88

        var nameplate = new Data(NameplateName) { Value = CosemData.FromUInt8(1) };
        device.Add(nameplate);
        Assert.Equal((ushort)0x0100, association.BaseNameOf(device, clock));
        Assert.Equal((ushort)0x0190, association.BaseNameOf(device, energy));
        Assert.Equal((ushort)0x01C0, association.BaseNameOf(device, nameplate)); // after Register's reset, 0x28
    }

    [Fact]
    public void An_assigned_name_is_kept_and_automatic_names_avoid_it()
    {
        var association = new AssociationSnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16).AssignBaseName(EnergyName, 0x0100);
        var clock = new Clock(ClockName);
        var energy = new Register(EnergyName);
        var device = new LogicalDevice(1) { clock, energy, association };

        Assert.Equal((ushort)0x0100, association.BaseNameOf(device, energy));
        Assert.Equal((ushort)0x0130, association.BaseNameOf(device, clock)); // the first free range after 0x0100..0x012F
    }

    [Fact]
    public void Overlapping_assigned_names_are_refused()
    {
        var association = new AssociationSnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16)
            .AssignBaseName(ClockName, 0x0100)
            .AssignBaseName(EnergyName, 0x0108); // inside the clock's range
        var device = new LogicalDevice(1) { new Clock(ClockName), new Register(EnergyName), association };

        Assert.Throws<InvalidOperationException>(() => association.BaseNameOf(device, device.Objects[0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => association.AssignBaseName(ClockName, 0x0101));
    }
}
