using Cosem.Sdk.Apdu;
using Cosem.Sdk.ObjectModel;
using Cosem.Studio.Meters;

namespace Cosem.Studio.Tests.Unit;

public sealed class FrameAndErrorTests
{
    [Fact]
    public void The_frame_log_is_bounded()
    {
        var log = new FrameLog();
        for (var i = 0; i < FrameLog.Capacity + 10; i++)
        {
            log.Add(true, "APDU", "C0");
        }
        Assert.Equal(FrameLog.Capacity, log.Snapshot().Count);
        Assert.Equal(FrameLog.Capacity + 10, log.Total);
    }

    [Fact]
    public void An_apdu_becomes_the_translators_xml()
    {
        var log = new FrameLog();
        log.Add(true, "APDU", "C001C100080000010000FF0200");
        Assert.Contains("GetRequest", log.ToXml(log.Snapshot()[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_masked_trace_and_garbage_are_comments_not_failures()
    {
        var log = new FrameLog();
        log.Add(true, "APDU", "6036A1****");
        log.Add(false, "APDU", "FFFF");
        Assert.Contains("secret", log.ToXml(log.Snapshot()[0]), StringComparison.Ordinal);
        Assert.StartsWith("<!-- not decoded", log.ToXml(log.Snapshot()[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_capture_logger_takes_only_the_sdks_apdu_and_frame_traces()
    {
        var log = new FrameLog();
        using var loggers = new FrameCaptureLoggerFactory(log);
        var client = loggers.CreateLogger("Cosem.Sdk.Client");
        client.Log(Microsoft.Extensions.Logging.LogLevel.Trace, new(101, "Sent"), new List<KeyValuePair<string, object?>> { new("Apdu", "C001") }, null, (_, _) => "");
        client.Log(Microsoft.Extensions.Logging.LogLevel.Debug, new(104, "Associating"), new List<KeyValuePair<string, object?>> { new("Client", 1) }, null, (_, _) => "");
        var transport = loggers.CreateLogger("Cosem.Sdk.Transport.Wrapper");
        transport.Log(Microsoft.Extensions.Logging.LogLevel.Trace, new(2, "Received"),
            new List<KeyValuePair<string, object?>> { new("Transport", "wrapper"), new("Frame", "0001") }, null, (_, _) => "");
        Assert.Equal([(true, "APDU", "C001"), (false, "wrapper", "0001")], log.Snapshot().Select(e => (e.Sent, e.Layer, e.Hex)));
    }

    [Theory]
    [InlineData(DataAccessResult.ReadWriteDenied, "refused: read-write denied (3)")]
    [InlineData(DataAccessResult.ObjectUndefined, "refused: object undefined (4)")]
    [InlineData(DataAccessResult.TypeUnmatched, "refused: type unmatched (12)")]
    public void A_refusal_is_its_data_access_result_in_words(DataAccessResult result, string expected)
    {
        Assert.Equal(expected, ErrorText.Describe(new CosemServiceException(result), "127.0.0.1:4059"));
    }
}
