using Cosem.Sdk.Apdu;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cosem.Sdk.Hosting.Tests;

/// <summary>A named client's <c>GeneralBlockTransferWindow</c>: proposed when set, validated at start.</summary>
public class ClientBlockTransferTests
{
    [Fact]
    public async Task A_named_client_with_a_window_negotiates_general_block_transfer()
    {
        using var server = TestHosts.Build(TestHosts.ServerConfiguration(), TestHosts.AddReferenceMeter);
        await server.StartAsync(default);
        using var app = TestHosts.Build(new()
        {
            ["Cosem:Clients:meter:Host"] = "127.0.0.1",
            ["Cosem:Clients:meter:GeneralBlockTransferWindow"] = "8",
        }, services => services.AddCosemClient("meter", o => o.Port = server.Services.GetRequiredService<CosemServerHost>().Server!.EndPoints[0].EndPoint!.Port));
        await app.StartAsync(default);

        await using var client = await app.Services.GetRequiredService<ICosemClientFactory>().ConnectAsync("meter", default);
        Assert.True(client.NegotiatedConformance.HasFlag(Conformance.GeneralBlockTransfer));
        Assert.Equal(8, client.Options.GeneralBlockTransferWindow);
    }

    [Fact]
    public async Task A_window_beyond_63_fails_validation_at_start()
    {
        using var app = TestHosts.Build(new()
        {
            ["Cosem:Clients:meter:Host"] = "127.0.0.1",
            ["Cosem:Clients:meter:GeneralBlockTransferWindow"] = "64",
        }, services => services.AddCosemClient("meter"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(default));
        Assert.Contains("Cosem:Clients:meter:GeneralBlockTransferWindow", error.Message, StringComparison.Ordinal);
    }
}
