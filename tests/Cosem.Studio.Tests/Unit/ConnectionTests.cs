using Cosem.Sdk.Client;
using Cosem.Studio.Connections;

namespace Cosem.Studio.Tests.Unit;

public sealed class ConnectionTests
{
    [Fact]
    public void A_deep_link_gives_the_settings_it_names()
    {
        var settings = DeepLink.Parse("?host=10.0.0.7&port=4061&client=1&server=17&link=hdlc&auth=low");
        Assert.Equal(("10.0.0.7", 4061, 1, 17, LinkKind.HdlcOverTcp, "low"),
            (settings.Host, settings.Port, settings.ClientAddress, settings.ServerAddress, settings.Link, settings.Authentication));
    }

    [Fact]
    public void A_deep_link_with_a_secret_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DeepLink.Parse("?host=h&password=12345678"));
        Assert.Contains("no secrets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deep_link_round_trips_without_secrets()
    {
        var settings = new ConnectionSettings { Host = "meter.local", Port = 4059, ClientAddress = 16, ServerAddress = 1, Authentication = "low" };
        var link = DeepLink.For(settings);
        var back = DeepLink.Parse(link[link.IndexOf('?', StringComparison.Ordinal)..]);
        Assert.Equal((settings.Host, settings.Port, settings.ClientAddress, settings.Authentication), (back.Host, back.Port, back.ClientAddress, back.Authentication));
    }

    [Fact]
    public void A_bad_number_in_a_deep_link_says_which()
    {
        Assert.Contains("port=abc", Assert.Throws<ArgumentException>(() => DeepLink.Parse("?port=abc")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "Port 0")]
    [InlineData(70000, "Port 70000")]
    public void A_bad_port_is_refused_before_connecting(int port, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ConnectionFactory.Create(new ConnectionSettings { Port = port }, new ConnectionSecrets(), null));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Low_authentication_without_a_password_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ConnectionFactory.Create(new ConnectionSettings { Authentication = "low" }, new ConnectionSecrets(), null));
        Assert.Contains("password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ciphering_needs_both_keys_of_the_right_length()
    {
        var settings = new ConnectionSettings { Authentication = "hls-gmac", Security = "authenticated-encrypted" };
        var error = Assert.Throws<ArgumentException>(() => ConnectionFactory.Create(settings, new ConnectionSecrets { BlockCipherKey = "0011" }, null));
        Assert.Contains("32 hex digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hls_gmac_with_keys_gives_a_ciphered_association()
    {
        var settings = new ConnectionSettings { Authentication = "hls-gmac", Security = "authenticated-encrypted", Link = LinkKind.HdlcOverTcp, Port = 4060 };
        var secrets = new ConnectionSecrets { BlockCipherKey = "000102030405060708090A0B0C0D0E0F", AuthenticationKey = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF" };
        var (transport, options) = ConnectionFactory.Create(settings, secrets, null);
        Assert.StartsWith("hdlc tcp://", transport.Description, StringComparison.Ordinal);
        Assert.NotNull(options.Protection);
        Assert.Equal(Cosem.Sdk.Apdu.MechanismName.HighGmac, options.Authentication.Mechanism);
    }

    [Fact]
    public void An_hdlc_client_address_above_127_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ConnectionFactory.Create(
            new ConnectionSettings { Link = LinkKind.HdlcOverTcp, ClientAddress = 300 }, new ConnectionSecrets(), null));
        Assert.Contains("HDLC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_never_print()
    {
        Assert.Equal("secrets: ***", new ConnectionSecrets { Password = "12345678" }.ToString());
    }

    [Fact]
    public void Studio_options_parse_and_refuse_unknown_ones()
    {
        var options = StudioOptions.Parse(["--port", "0", "--schema", "/tmp/x"]);
        Assert.Equal((0, "/tmp/x"), (options.Port, options.SchemaDirectory));
        Assert.Throws<ArgumentException>(() => StudioOptions.Parse(["--bind", "0.0.0.0"]));
        Assert.Throws<ArgumentException>(() => StudioOptions.Parse(["--port", "99999"]));
    }
}
