using System.ComponentModel;
using Cosem.Sdk.Client;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Sdk.Tests.Transport;

public sealed class CosemAddressTests
{
    [Theory]
    [InlineData("16", 16)]
    [InlineData(" 1 ", 1)]
    [InlineData("0x10", 16)]
    [InlineData("0X3FFF", 0x3FFF)]
    [InlineData("65535", 65535)]
    public void Parses_decimal_and_hexadecimal(string text, int expected) =>
        Assert.Equal(expected, CosemAddress.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("65536")]
    [InlineData("0x")]
    [InlineData("sixteen")]
    public void Refuses_what_is_not_a_16_bit_address(string text)
    {
        Assert.False(CosemAddress.TryParse(text, null, out _));
        Assert.Throws<FormatException>(() => CosemAddress.Parse(text));
    }

    [Fact]
    public void Integer_variables_are_range_checked()
    {
        Assert.Equal(300, ((CosemAddress)300).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => (CosemAddress)(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => (CosemAddress)70000);
    }

    [Fact]
    public void Configuration_binding_converts_strings_through_the_type_converter()
    {
        var converter = TypeDescriptor.GetConverter(typeof(CosemAddress));
        Assert.True(converter.CanConvertFrom(typeof(string)));
        Assert.Equal(CosemAddress.ManagementClient, converter.ConvertFromInvariantString("1"));
        Assert.Equal("16", converter.ConvertToInvariantString(CosemAddress.PublicClient));
    }

    [Fact]
    public void Maps_to_hdlc_addresses_with_the_hdlc_limits()
    {
        Assert.Equal(HdlcAddress.Client(16), CosemAddress.PublicClient.ToHdlcClient());
        Assert.Equal(HdlcAddress.Server(1), CosemAddress.ManagementLogicalDevice.ToHdlcServer());
        Assert.Equal(HdlcAddress.Server(1, 17, 4), CosemAddress.ManagementLogicalDevice.ToHdlcServer(17, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((CosemAddress)200).ToHdlcClient());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((CosemAddress)0x4000).ToHdlcServer(1));
    }

    [Fact]
    public void Association_options_hand_their_addresses_to_hdlc()
    {
        var hdlc = new AssociationOptions { ClientAddress = 1, ServerAddress = 0x101, PhysicalAddress = 5 }.CreateHdlcClientOptions();
        Assert.Equal(HdlcAddress.Client(1), hdlc.ClientAddress);
        Assert.Equal(HdlcAddress.Server(0x101, 5, 4), hdlc.ServerAddress);
    }
}
