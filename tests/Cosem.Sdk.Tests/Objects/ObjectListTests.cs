using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Tests.EndToEnd;

namespace Cosem.Sdk.Tests.Objects;

/// <summary>
/// The client reads object lists into the generated <see cref="ObjectListElement"/>, with access modes read for the
/// association's version: an enumeration up to version 2, a bit map from version 3 (Blue Book §4.4.4).
/// </summary>
public class ObjectListTests
{
    [Theory]
    [InlineData(5, 3, AttributeAccess.AuthenticatedRead)]    // bits read + authenticated request
    [InlineData(5, 2, AttributeAccess.AuthenticatedWrite)]   // enumeration value 5
    [InlineData(3, 3, AttributeAccess.ReadWrite)]
    [InlineData(3, 1, AttributeAccess.ReadWrite)]
    [InlineData(7, 3, AttributeAccess.AuthenticatedReadWrite)]
    [InlineData(6, 3, AttributeAccess.AuthenticatedWrite)]
    [InlineData(0x21, 3, AttributeAccess.Read)]              // a response-protection bit alone changes nothing here
    [InlineData(9, 2, AttributeAccess.NoAccess)]             // out of the enumeration
    public void Attribute_access_modes_are_read_for_the_association_version(byte mode, byte version, AttributeAccess expected) =>
        Assert.Equal(expected, AccessModes.ToAttributeAccess(mode, version));

    [Theory]
    [InlineData(1, 3, MethodAccess.Access)]
    [InlineData(5, 3, MethodAccess.AuthenticatedAccess)]
    [InlineData(4, 3, MethodAccess.NoAccess)]                // authenticated without access is no access
    [InlineData(2, 2, MethodAccess.AuthenticatedAccess)]
    public void Method_access_modes_are_read_for_the_association_version(byte mode, byte version, MethodAccess expected) =>
        Assert.Equal(expected, AccessModes.ToMethodAccess(mode, version));

    [Fact]
    public void Every_access_survives_the_version_3_bit_map_both_ways()
    {
        foreach (var access in Enum.GetValues<AttributeAccess>())
        {
            Assert.Equal(access, AccessModes.ToAttributeAccess((byte)AccessModes.ToAccessMode(access), 3));
        }
        foreach (var access in Enum.GetValues<MethodAccess>())
        {
            Assert.Equal(access, AccessModes.ToMethodAccess((byte)AccessModes.ToAccessMode(access), 3));
        }
    }

    [Fact]
    public void A_version_0_list_with_boolean_method_access_decodes_and_is_read_as_an_enumeration()
    {
        // One Association LN v0 entry (own): attribute 2 read-write (3), method 1 access as boolean true.
        var bytes = Convert.FromHexString(
            "0101" + "0204" + "12000F" + "1100" + "0906" + "0000280001FF"
            + "0202" + "0101" + "0203" + "0F02" + "1603" + "00"
            + "0101" + "0202" + "0F01" + "0301");
        var reader = new AxdrReader(bytes);
        var list = AssociationObjectList.From(ObjectListDecoding.DecodeList(ref reader));

        var entry = Assert.Single(list.Objects);
        Assert.Equal(0, list.AssociationVersion);
        Assert.Equal(AttributeAccess.ReadWrite, list.AttributeAccessOf(entry, 2));
        Assert.Equal(MethodAccess.Access, list.MethodAccessOf(entry, 1));
        Assert.Equal(AttributeAccess.NoAccess, list.AttributeAccessOf(entry, 9));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_public_client_reads_its_object_list_with_the_rights_the_server_granted(bool hdlc)
    {
        await using var meter = await LoopbackMeter.StartAsync();
        await using var client = await meter.ConnectPublicAsync(hdlc);

        var list = await client.ReadObjectListAsync();

        Assert.Equal(3, list.AssociationVersion);
        var clock = list.Find(LoopbackMeter.ClockName)!;
        Assert.Equal(8, clock.ClassId);
        Assert.Equal(AttributeAccess.Read, list.AttributeAccessOf(clock, 2)); // read-write by class, read-only for this client
        Assert.True(list.CanRead(clock, 2));
        Assert.Equal(MethodAccess.NoAccess, list.MethodAccessOf(clock, 1));
        Assert.Null(list.Find(new ObisCode(1, 2, 3, 4, 5, 6)));
    }
}
