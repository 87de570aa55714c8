using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Cli.Tests;

/// <summary>
/// The exit codes every command shares (0 done, 1 nothing read or the meter fails, 2 usage, 3 partly read) and the
/// one-line errors for a peer that is not a meter, a silent peer and a busy port.
/// </summary>
public sealed class ExitCodeTests
{
    [Theory]
    [InlineData("--bogus", "read", "--all", "--bogus")]
    [InlineData("--port", "read", "--all", "--port", "abc")]
    [InlineData("--timeout", "read", "--all", "--timeout", "soon")]
    [InlineData("--obis", "read", "--obis")]
    [InlineData("--format", "read", "--all", "--format", "csv")]
    [InlineData("--meters", "simulate", "--meters", "many")]
    [InlineData("--format", "translate", "--format", "yaml", "C0")]
    [InlineData("frobnicate", "frobnicate")]
    public async Task Parse_errors_print_one_line_and_exit_with_2(string named, params string[] args)
    {
        var (exit, output, error) = await CliRunner.RunAsync(null, args);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        var line = error.TrimEnd();
        Assert.False(line.Contains('\n'), line);
        Assert.StartsWith("error: ", line);
        Assert.True(line.Contains(named, StringComparison.Ordinal), line);
        Assert.Contains("--help", line);
        Assert.DoesNotContain("System.", line);
    }

    [Fact]
    public async Task Help_is_not_an_error()
    {
        var (exit, output, _) = await CliRunner.RunAsync(null, "read", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--format", output);
        Assert.Contains("COSEM_PASSWORD", output);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Some_attributes_refused_exits_with_3_and_keeps_every_value_read(string format)
    {
        await using var meter = await RefusingMeter.StartAsync();
        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--port", meter.Port, "--all", "--format", format);
        Assert.True(exit == 3, $"exit {exit}: {error}");
        Assert.Contains("ReadWriteDenied", output);
        Assert.Contains("1.0.1.8.0.255", output);
        switch (format)
        {
            case "json":
                var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
                var refused = Assert.Single(rows, r => r.GetProperty("obis").GetString() == RefusingMeter.RefusedName && r.GetProperty("attribute").GetInt32() == 2);
                Assert.Equal("ReadWriteDenied", refused.GetProperty("error").GetString());
                Assert.Contains(rows, r => r.TryGetProperty("value", out _) && r.GetProperty("obis").GetString() == "1.0.1.8.0.255");
                break;
            case "xml":
                var refusedXml = XElement.Parse(output).Elements("attribute")
                    .Single(a => (string?)a.Attribute("obis") == RefusingMeter.RefusedName && (string?)a.Attribute("index") == "2");
                Assert.Equal("ReadWriteDenied", (string?)refusedXml.Attribute("error"));
                break;
        }
    }

    [Fact]
    public async Task One_refused_attribute_alone_exits_with_1()
    {
        await using var meter = await RefusingMeter.StartAsync();
        var (exit, output, _) = await CliRunner.RunAsync(null, "read", "--port", meter.Port, "--obis", RefusingMeter.RefusedName, "--class", "1", "--json");
        Assert.Equal(1, exit);
        Assert.Contains("ReadWriteDenied", output);
    }

    [Fact]
    public async Task An_http_server_is_named_as_not_speaking_dlms()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var answering = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            _ = await stream.ReadAsync(new byte[256]); // any request: the answer is the same
            await stream.WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
            await Task.Delay(500);
        });
        var (exit, _, error) = await CliRunner.RunAsync(null, "read", "--port", port.ToString(), "--obis", "0.0.1.0.0.255", "--class", "8", "--timeout", "5");
        await answering;
        Assert.Equal(1, exit);
        Assert.Equal($"error: the peer at 127.0.0.1:{port} does not speak DLMS (it answered 'HTTP/1.1 400 Bad Request').", error.Trim());
    }

    [Fact]
    public async Task A_silent_peer_times_out_in_seconds()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var (exit, _, error) = await CliRunner.RunAsync(null, "read", "--port", port.ToString(), "--obis", "0.0.1.0.0.255", "--class", "8", "--timeout", "1.5");
        Assert.Equal(1, exit);
        Assert.Equal($"error: the meter at 127.0.0.1:{port} did not answer within 1.5 seconds.", error.Trim());
    }

    [Fact]
    public async Task A_silent_hdlc_peer_is_an_hdlc_error()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var (exit, _, error) = await CliRunner.RunAsync(null, "read", "--hdlc", "--port", port.ToString(), "--all", "--timeout", "1");
        Assert.Equal(1, exit);
        Assert.StartsWith($"error: HDLC error: no valid answer from 127.0.0.1:{port} within 1 second", error.Trim());
    }

    [Fact]
    public async Task A_busy_port_stops_simulate_with_one_line_and_1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var (exit, _, error) = await CliRunner.RunAsync(stop.Token, "simulate", "--wrapper-port", port.ToString(), "--hdlc-port", "0");
        Assert.Equal(1, exit);
        Assert.Equal($"error: port {port} is already in use.", error.Trim());
    }

    /// <summary>The reference meter plus one Data object whose value every client is refused.</summary>
    private sealed class RefusingMeter : IAsyncDisposable
    {
        public const string RefusedName = "0.0.96.99.0.255";

        private readonly CosemServer _server;

        private RefusingMeter(CosemServer server, int port) => (_server, Port) = (server, port.ToString());

        public string Port { get; }

        public static async Task<RefusingMeter> StartAsync()
        {
            var device = ReferenceMeterSimulator.CreateLogicalDevice(new MeterSimulatorOptions());
            device.Add(new RefusingData(ObisCode.Parse(RefusedName)));
            var server = new CosemServer(device).Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out var endPoint);
            await server.StartAsync();
            return new RefusingMeter(server, endPoint.EndPoint!.Port);
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }

    private sealed class RefusingData(ObisCode logicalName) : Data(logicalName)
    {
        protected override ValueTask<CosemData> GetValueAsync(RequestContext context, CancellationToken cancellationToken) =>
            throw new CosemServiceException(DataAccessResult.ReadWriteDenied);
    }
}
