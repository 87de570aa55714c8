using Cosem.Sdk.Apdu;
using Cosem.Sdk.Server;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Tests.Server;

/// <summary>Refusals are all counted, but logged at most once per interval per remote address, in bounded memory.</summary>
public sealed class RefusalLogTests
{
    [Fact]
    public async Task AFloodOfBadRequestsLogsACoupleOfLines()
    {
        var logs = new CapturingLoggerProvider();
        var harness = new ServerHarness(new CosemServerOptions { LoggerFactory = logs });
        await using (var client = await harness.ConnectAsync())
        {
            for (var i = 0; i < 1000; i++)
            {
                // GET without an association: EXCEPTION-Response operation-not-possible, every time.
                Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync("C001C100010000600100FF0200")));
            }
        }
        await harness.DisposeAsync(); // the session ends and flushes its summary

        Assert.Equal(1000, harness.Server.GetRefusalCounts()["operation-not-possible"]);
        var lines = logs.Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.InRange(lines.Count, 1, 2);
        Assert.Contains(lines, l => l.Contains("999 (operation-not-possible 999) refused", StringComparison.Ordinal));
    }

    [Fact]
    public void OneLinePerIntervalPerAddressSummarisesTheRest()
    {
        var logs = new CapturingLoggerProvider();
        var time = new ManualTimeProvider();
        var log = new RefusalLog(logs.CreateLogger("test"), TimeSpan.FromSeconds(10), time);

        log.Record("10.0.0.5", 1, "service-not-supported", "first");
        for (var i = 0; i < 1200; i++)
        {
            log.Record("10.0.0.5", 1, "service-not-supported", "flood");
        }
        for (var i = 0; i < 34; i++)
        {
            log.Record("10.0.0.5", 1, "deciphering-error", "flood");
        }
        log.Record("10.0.0.6", 2, "deciphering-error", "another address");
        Assert.Equal(2, logs.Lines.Count); // one detail line per address

        time.Advance(TimeSpan.FromSeconds(10));
        log.Record("10.0.0.5", 1, "service-not-supported", "next interval");

        Assert.Equal(3, logs.Lines.Count);
        Assert.Equal("Remote 10.0.0.5: 1,235 (service-not-supported 1,201, deciphering-error 34) refused in the last 10 s", logs.Lines.Last().Message);
        Assert.Equal(1202, log.Count("service-not-supported"));
    }

    [Fact]
    public void RotatingAddressesDoNotGrowTheTable()
    {
        var logs = new CapturingLoggerProvider();
        var time = new ManualTimeProvider();
        var log = new RefusalLog(logs.CreateLogger("test"), TimeSpan.FromSeconds(10), time);

        for (var i = 0; i < 20_000; i++)
        {
            log.Record($"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}", i, "deciphering-error", "rotating");
        }

        Assert.InRange(log.TrackedAddresses, 1, RefusalLog.MaxTrackedAddresses + 1);
        Assert.Equal(20_000, log.Count("deciphering-error"));
        Assert.InRange(logs.Lines.Count, 1, RefusalLog.MaxTrackedAddresses + 1);

        // Once the interval has passed, quiet entries are swept to make room for new addresses.
        time.Advance(TimeSpan.FromSeconds(11));
        log.Record("192.0.2.1", 0, "deciphering-error", "new");
        Assert.InRange(log.TrackedAddresses, 1, RefusalLog.MaxTrackedAddresses + 1);
    }
}
