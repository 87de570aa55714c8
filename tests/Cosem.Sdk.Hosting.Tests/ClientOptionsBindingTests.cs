using Cosem.Sdk.Hosting;
using Cosem.Sdk.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cosem.Sdk.Hosting.Tests;

public sealed class ClientOptionsBindingTests
{
    private static CosemClientOptions Bind(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddCosemClient("meter");
        return services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<CosemClientOptions>>().Get("meter");
    }

    [Fact]
    public void Every_key_binds_addresses_included_in_decimal_or_hexadecimal()
    {
        var options = Bind(new()
        {
            ["Cosem:Clients:meter:Host"] = "meter.local",
            ["Cosem:Clients:meter:Port"] = "4060",
            ["Cosem:Clients:meter:Transport"] = "hdlc-tcp",
            ["Cosem:Clients:meter:ClientAddress"] = "0x01",
            ["Cosem:Clients:meter:ServerAddress"] = "17",
            ["Cosem:Clients:meter:PhysicalAddress"] = "300",
            ["Cosem:Clients:meter:Authentication"] = "low",
            ["Cosem:Clients:meter:Password"] = "12345678",
            ["Cosem:Clients:meter:RequestTimeout"] = "00:00:03",
        });
        Assert.Equal(("meter.local", 4060, "hdlc-tcp"), (options.Host, options.Port, options.Transport));
        Assert.Equal(CosemAddress.ManagementClient, options.ClientAddress);
        Assert.Equal((CosemAddress)17, options.ServerAddress);
        Assert.Equal(300, options.PhysicalAddress);
        Assert.Equal(("low", "12345678", TimeSpan.FromSeconds(3)), (options.Authentication, options.Password, options.RequestTimeout));
    }

    [Fact]
    public void Missing_keys_keep_their_defaults()
    {
        var options = Bind(new() { ["Cosem:Clients:meter:Host"] = "127.0.0.1" });
        Assert.Equal(CosemAddress.PublicClient, options.ClientAddress);
        Assert.Equal(CosemAddress.ManagementLogicalDevice, options.ServerAddress);
        Assert.Null(options.PhysicalAddress);
    }

    [Fact]
    public void A_bad_address_names_its_key()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Bind(new() { ["Cosem:Clients:meter:ClientAddress"] = "public" }));
        Assert.Contains("Cosem:Clients:meter:ClientAddress", failure.Message, StringComparison.Ordinal);
    }
}
