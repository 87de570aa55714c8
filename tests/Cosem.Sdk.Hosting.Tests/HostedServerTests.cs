using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cosem.Sdk.Hosting.Tests;

public class HostedServerTests
{
    private static int Port(IHost host) => host.Services.GetRequiredService<CosemServerHost>().Server!.EndPoints[0].EndPoint!.Port;

    [Fact]
    public async Task The_hosted_server_starts_from_configuration_and_a_client_reads_its_clock()
    {
        using var host = TestHosts.Build(TestHosts.ServerConfiguration(), TestHosts.AddReferenceMeter);
        await host.StartAsync(default);
        var server = host.Services.GetRequiredService<CosemServerHost>().Server!;
        Assert.Equal(10, server.Options.MaxConnections);
        Assert.Equal(TimeSpan.FromSeconds(30), server.Options.IdleTimeout);

        await using (var client = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", Port(host)),
            new AssociationOptions { ClientAddress = 1, Authentication = Authentication.Low(TestHosts.Password) }))
        {
            var now = await new ReferenceMeter(client).Clock.GetTimeAsync();
            Assert.NotEqual(default, now);
        }
        await host.StopAsync(default);
        Assert.Null(host.Services.GetRequiredService<CosemServerHost>().Server);
    }

    [Fact]
    public async Task Bad_configuration_fails_validation_at_start_naming_each_key()
    {
        var configuration = TestHosts.ServerConfiguration();
        configuration["Cosem:Server:Endpoints:0:Transport"] = "serial";
        configuration["Cosem:Server:Endpoints:0:Port"] = "70000";
        configuration["Cosem:Server:MaxConnections"] = "0";
        configuration["Cosem:Server:Secrets:Keys:BlockCipherKey"] = "not-hex-at-all";
        using var host = TestHosts.Build(configuration, TestHosts.AddReferenceMeter);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(default));
        Assert.Contains("Cosem:Server:Endpoints:0:Transport: 'serial' is not one of tcp, udp, hdlc-tcp.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cosem:Server:Endpoints:0:Port: 70000", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cosem:Server:MaxConnections: 0 is less than 1.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cosem:Server:Secrets:Keys:BlockCipherKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-hex-at-all", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_endpoint_fails_validation()
    {
        var configuration = TestHosts.ServerConfiguration();
        configuration.Remove("Cosem:Server:Endpoints:0:Transport");
        configuration.Remove("Cosem:Server:Endpoints:0:Address");
        configuration.Remove("Cosem:Server:Endpoints:0:Port");
        using var host = TestHosts.Build(configuration, TestHosts.AddReferenceMeter);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(default));
        Assert.Contains("Cosem:Server:Endpoints: at least one endpoint is required.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_named_client_factory_connects_with_the_password_from_configuration()
    {
        using var server = TestHosts.Build(TestHosts.ServerConfiguration(), TestHosts.AddReferenceMeter);
        await server.StartAsync(default);
        using var app = TestHosts.Build(new()
        {
            ["Cosem:Clients:meter:Host"] = "127.0.0.1",
            ["Cosem:Clients:meter:ClientAddress"] = "1",
            ["Cosem:Clients:meter:Authentication"] = "low",
            ["Cosem:Clients:meter:Password"] = TestHosts.Password,
        }, services => services.AddCosemClient("meter", o => o.Port = Port(server)));
        await app.StartAsync(default);

        var factory = app.Services.GetRequiredService<ICosemClientFactory>();
        await using (var client = await factory.ConnectAsync("meter", default))
        {
            Assert.True(client.IsAssociated);
            await new ReferenceMeter(client).Clock.GetTimeAsync(default);
        }
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.ConnectAsync("other", default));
    }

    [Fact]
    public async Task A_named_client_without_its_password_fails_validation_at_start()
    {
        using var app = TestHosts.Build(new()
        {
            ["Cosem:Clients:meter:Host"] = "127.0.0.1",
            ["Cosem:Clients:meter:Authentication"] = "low",
        }, services => services.AddCosemClient("meter"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(default));
        Assert.Contains("Cosem:Clients:meter:Password: required for low authentication", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_is_healthy_while_every_listener_listens()
    {
        var configuration = TestHosts.ServerConfiguration();
        configuration["Cosem:Server:Endpoints:1:Transport"] = "hdlc-tcp";
        configuration["Cosem:Server:Endpoints:1:Address"] = "127.0.0.1";
        configuration["Cosem:Server:Endpoints:1:Port"] = "0";
        using var host = TestHosts.Build(configuration, services =>
        {
            TestHosts.AddReferenceMeter(services);
            services.AddHealthChecks().AddCosemServerHealthCheck();
        });
        var health = host.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync(default)).Status);

        await host.StartAsync(default);
        var report = await health.CheckHealthAsync(default);
        var entry = report.Entries["cosem-server"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(2, ((string[])entry.Data["endpoints"]).Length);
        Assert.Equal(0, entry.Data["activeSessions"]);

        await host.StopAsync(default);
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync(default)).Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_health_check_is_unhealthy_when_a_listener_could_not_start(bool continueOnFailure)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var configuration = TestHosts.ServerConfiguration();
        configuration["Cosem:Server:Endpoints:1:Transport"] = "tcp";
        configuration["Cosem:Server:Endpoints:1:Address"] = "127.0.0.1";
        configuration["Cosem:Server:Endpoints:1:Port"] = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        configuration["Cosem:Server:ContinueOnListenerFailure"] = continueOnFailure ? "true" : "false";
        using var host = TestHosts.Build(configuration, services =>
        {
            TestHosts.AddReferenceMeter(services);
            services.AddHealthChecks().AddCosemServerHealthCheck();
        });

        if (continueOnFailure)
        {
            await host.StartAsync(default);
        }
        else
        {
            await Assert.ThrowsAsync<Cosem.Sdk.Transport.CosemTransportException>(() => host.StartAsync(default));
        }
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(default);
        var entry = report.Entries["cosem-server"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        if (continueOnFailure)
        {
            Assert.Single((string[])entry.Data["endpoints"]);
            Assert.Single((string[])entry.Data["failedListeners"]);
            await host.StopAsync(default);
        }
    }

    [Fact]
    public async Task Secrets_never_appear_in_trace_logs_or_in_ToString()
    {
        var logs = new CapturingLoggerProvider();
        using var server = TestHosts.Build(TestHosts.ServerConfiguration(), TestHosts.AddReferenceMeter, logs);
        await server.StartAsync(default);
        using var app = TestHosts.Build(new()
        {
            ["Cosem:Clients:meter:Host"] = "127.0.0.1",
            ["Cosem:Clients:meter:ClientAddress"] = "1",
            ["Cosem:Clients:meter:Authentication"] = "low",
            ["Cosem:Clients:meter:Password"] = TestHosts.Password,
        }, services => services.AddCosemClient("meter", o => o.Port = Port(server)), logs);
        await app.StartAsync(default);
        await using (var client = await app.Services.GetRequiredService<ICosemClientFactory>().ConnectAsync("meter", default))
        {
            await new ReferenceMeter(client).Clock.GetTimeAsync(default);
        }
        await app.StopAsync(default);
        await server.StopAsync(default);

        var serverOptions = server.Services.GetRequiredService<IOptions<CosemServerHostOptions>>().Value;
        var clientOptions = app.Services.GetRequiredService<IOptionsMonitor<CosemClientOptions>>().Get("meter");
        Assert.Equal(TestHosts.Password, serverOptions.Secrets.GetPassword("Management"));
        Assert.Equal(TestHosts.Password, clientOptions.Password);

        var passwordHex = Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(TestHosts.Password));
        var lines = logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("Cosem server options", StringComparison.Ordinal)); // options were logged, masked
        Assert.Contains(lines, l => l.Contains("Trace", StringComparison.Ordinal));                 // frames were traced
        foreach (var text in lines.Append(serverOptions.ToString()).Append(clientOptions.ToString()).Append(serverOptions.Secrets.ToString()))
        {
            Assert.DoesNotContain(TestHosts.Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(passwordHex, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(TestHosts.BlockCipherKey, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("Management", serverOptions.ToString(), StringComparison.Ordinal);
    }
}
