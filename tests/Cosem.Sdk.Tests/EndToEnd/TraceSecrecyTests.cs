using Cosem.Sdk.Client;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.Server;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// Frame and APDU traces of both sides, at their most verbose, never show the LLS password: the AARQ that carries it
/// is traced with the authentication value masked.
/// </summary>
public class TraceSecrecyTests
{
    private static readonly string PasswordHex = Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(LoopbackMeter.Password));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Traces_of_an_lls_association_never_show_the_password(bool hdlc)
    {
        var serverLogs = new CapturingLoggerProvider(LogLevel.Trace);
        var clientLogs = new CapturingLoggerProvider(LogLevel.Trace);
        await using var meter = await LoopbackMeter.StartAsync(options: new CosemServerOptions { LoggerFactory = serverLogs });
        await using (var client = await CosemClient.ConnectAsync(meter.Transport(hdlc), new AssociationOptions
        {
            ClientAddress = 1,
            Authentication = Authentication.Low(LoopbackMeter.Password),
            LoggerFactory = clientLogs,
        }))
        {
            Assert.True(client.IsAssociated);
        }

        // Snapshots first: the server session may still be logging its close.
        var lines = serverLogs.Lines.ToArray().Concat(clientLogs.Lines.ToArray()).Select(l => l.Message).ToList();
        Assert.Contains(lines, l => l.Contains("AC0A****", StringComparison.Ordinal)); // the AARQ was traced, masked
        Assert.DoesNotContain(lines, l => l.Contains(PasswordHex, StringComparison.OrdinalIgnoreCase));
    }
}
