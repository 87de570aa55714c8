using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Tests.Server;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Tests.Client;

/// <summary>
/// Meters that deviate from the standard in ways seen in the field, scripted over the wrapper and HDLC: each
/// deviation is read with a warning naming it, and each is an error again with <see cref="CompatibilityOptions.Strict"/>.
/// </summary>
public class FieldToleranceTests
{
    private static readonly CosemAttributeDescriptor[] Registers =
    [
        new(3, new ObisCode(1, 0, 1, 8, 0, 255), 2),
        new(3, new ObisCode(1, 0, 2, 8, 0, 255), 2),
        new(3, new ObisCode(1, 0, 3, 8, 0, 255), 2),
    ];

    private static byte[] Encoded(uint value)
    {
        var bytes = new byte[5];
        var writer = new AxdrWriter(bytes);
        writer.WriteUInt32(value);
        return bytes;
    }

    private static IEnumerable<byte[]> One(Apdu.Apdu answer) => [answer.ToArray()];

    private static AssociationOptions Options(CapturingLoggerProvider logs, bool strict = false, TimeSpan? timeout = null) => new()
    {
        LoggerFactory = logs,
        Compatibility = strict ? CompatibilityOptions.Strict : CompatibilityOptions.Default,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(5),
    };

    private static void AssertWarned(CapturingLoggerProvider logs, string words) =>
        Assert.Contains(logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains(words, StringComparison.Ordinal));

    // The outer BER length of an ACSE APDU (one byte in these short APDUs).
    private static byte[] WithOuterLength(byte[] apdu, int delta)
    {
        var copy = apdu.ToArray();
        copy[1] = (byte)(copy[1] + delta);
        return copy;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_aare_with_trailing_bytes_still_opens_the_association(bool hdlc)
    {
        await using var meter = new ScriptedMeter(_ => [], hdlc) { MangleAare = aare => [.. aare, 0x00, 0x00] };
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(Options(logs));

        Assert.True(client.IsAssociated);
        AssertWarned(logs, "AARE with broken BER framing");
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 2)]
    [InlineData(false, -2)]
    public async Task An_aare_with_a_wrong_outer_length_still_opens_the_association(bool hdlc, int delta)
    {
        await using var meter = new ScriptedMeter(_ => [], hdlc) { MangleAare = aare => WithOuterLength(aare, delta) };
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(Options(logs));

        Assert.True(client.IsAssociated);
        Assert.NotEqual(0, (int)client.NegotiatedConformance);
        AssertWarned(logs, "AARE with broken BER framing");
    }

    [Fact]
    public async Task A_strict_client_refuses_an_aare_with_a_wrong_length()
    {
        await using var meter = new ScriptedMeter(_ => []) { MangleAare = aare => WithOuterLength(aare, 2) };
        using var logs = new CapturingLoggerProvider();

        await Assert.ThrowsAnyAsync<CosemEncodingException>(() => meter.ConnectAsync(Options(logs, strict: true)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_malformed_rlre_still_releases_and_keeps_what_was_read(bool hdlc)
    {
        var rlre = new RlreApdu { Reason = ReleaseResponseReason.Normal }.ToArray();
        await using var meter = new ScriptedMeter(r => One(new GetResponseNormal(((GetRequest)r).InvokeIdAndPriority, GetDataResult.FromData(Encoded(7)))), hdlc)
        {
            Release = () => [WithOuterLength(rlre, 3)],
        };
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(Options(logs));
        var value = await client.GetAsync(Registers[0], (ref AxdrReader r) => r.ReadUInt32());

        await client.ReleaseAsync();

        Assert.Equal(7u, value);
        Assert.False(client.IsAssociated);
        AssertWarned(logs, "RLRE");
    }

    [Fact]
    public async Task An_unreadable_rlre_still_ends_the_association()
    {
        await using var meter = new ScriptedMeter(_ => []) { Release = () => [[0x63, 0x05, 0xA0, 0x09, 0xFF]] };
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(Options(logs));

        await client.ReleaseAsync();

        Assert.False(client.IsAssociated);
        AssertWarned(logs, "RLRE");
    }

    [Fact]
    public async Task A_refused_release_is_a_warning()
    {
        await using var meter = new ScriptedMeter(_ => []) { Release = () => [new RlreApdu { Reason = ReleaseResponseReason.NotFinished }.ToArray()] };
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(Options(logs));

        await client.ReleaseAsync();

        AssertWarned(logs, "NotFinished");
    }

    /// <summary>A with-list answer of three double-long-unsigned values in two blocks, each sent under choice [3].</summary>
    private static IEnumerable<byte[]> WithListInBlocksUnderListTag(Apdu.Apdu request)
    {
        byte[] list = [3, 0, .. Encoded(10), 0, .. Encoded(20), 0, .. Encoded(30)];
        var (block, last, data) = request switch
        {
            GetRequestWithList => (1u, false, list[..8]),
            GetRequestNext => (2u, true, list[8..]),
            _ => throw new InvalidOperationException(),
        };
        var id = request is GetRequestWithList withList ? withList.InvokeIdAndPriority : ((GetRequestNext)request).InvokeIdAndPriority;
        var bytes = new GetResponseWithDataBlock(id, DataBlockG.WithRawData(last, block, data)).ToArray();
        bytes[1] = 3; // the deviation: get-response-with-list instead of get-response-with-datablock
        return [bytes];
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task With_list_blocks_under_the_list_tag_are_read_as_blocks(bool hdlc)
    {
        await using var meter = new ScriptedMeter(WithListInBlocksUnderListTag, hdlc);
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(Options(logs));

        var results = await client.GetManyAsync(Registers);

        Assert.Equal([10u, 20u, 30u], results.Select(r => r.Decode((ref AxdrReader x) => x.ReadUInt32())));
        AssertWarned(logs, "with-list choice [3]");
    }

    [Fact]
    public async Task A_strict_client_does_not_read_list_blocks_under_the_list_tag()
    {
        await using var meter = new ScriptedMeter(WithListInBlocksUnderListTag);
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(Options(logs, strict: true));

        await Assert.ThrowsAnyAsync<CosemException>(async () => await client.GetManyAsync(Registers));
    }

    private static IEnumerable<byte[]> ValueInTwoBlocks(Apdu.Apdu request) => request switch
    {
        GetRequestNormal normal => One(new GetResponseWithDataBlock(normal.InvokeIdAndPriority, DataBlockG.WithRawData(false, 1, Encoded(99)[..2]))),
        GetRequestNext next => One(new GetResponseWithDataBlock(next.InvokeIdAndPriority, DataBlockG.WithRawData(true, 2, Encoded(99)[2..]))),
        _ => [],
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Blocks_the_meter_did_not_negotiate_are_read_with_a_warning(bool hdlc)
    {
        await using var meter = new ScriptedMeter(ValueInTwoBlocks, hdlc) { Conformance = Conformance.Get };
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(Options(logs));

        Assert.Equal(99u, await client.GetAsync(Registers[0], (ref AxdrReader r) => r.ReadUInt32()));
        AssertWarned(logs, "did not grant BlockTransferWithGetOrRead");
    }

    [Fact]
    public async Task A_strict_client_refuses_blocks_the_meter_did_not_negotiate()
    {
        await using var meter = new ScriptedMeter(ValueInTwoBlocks) { Conformance = Conformance.Get };
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(Options(logs, strict: true));

        await Assert.ThrowsAsync<CosemProtocolException>(async () => await client.GetAsync(Registers[0], (ref AxdrReader r) => r.ReadUInt32()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_value_of_another_type_raises_a_typed_error_with_the_raw_value(bool hdlc)
    {
        // long-unsigned 0x1234 where the typed decoder reads double-long-unsigned.
        await using var meter = new ScriptedMeter(r => One(new GetResponseNormal(((GetRequest)r).InvokeIdAndPriority, GetDataResult.FromData(new byte[] { 0x12, 0x12, 0x34 }))), hdlc);
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(Options(logs));

        var error = await Assert.ThrowsAsync<CosemTypeMismatchException>(async () => await client.GetAsync(Registers[0], (ref AxdrReader r) => r.ReadUInt32()));

        Assert.Equal(DataType.LongUnsigned, error.RawValue.Type);
        Assert.Equal(0x1234, error.RawValue.AsInt64());
        Assert.Equal(typeof(uint), error.ExpectedType);
    }

    private static IEnumerable<byte[]> RefusesLists(Apdu.Apdu request, int[] served) => request switch
    {
        GetRequestWithList => One(new ExceptionResponse(ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.ServiceNotSupported)),
        GetRequestNormal normal => Serve(normal, served),
        _ => [],
    };

    private static IEnumerable<byte[]> Serve(GetRequestNormal normal, int[] served)
    {
        Interlocked.Increment(ref served[0]);
        return One(new GetResponseNormal(normal.InvokeIdAndPriority, GetDataResult.FromData(Encoded(normal.AttributeDescriptor.InstanceId.C))));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refused_with_list_falls_back_to_single_requests(bool hdlc)
    {
        var served = new int[1];
        await using var meter = new ScriptedMeter(r => RefusesLists(r, served), hdlc);
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(Options(logs));

        var results = await client.GetManyAsync(Registers);

        Assert.Equal([1u, 2u, 3u], results.Select(r => r.Decode((ref AxdrReader x) => x.ReadUInt32())));
        Assert.Equal(3, served[0]);
        AssertWarned(logs, "reading them one by one");
    }

    [Fact]
    public async Task A_strict_client_does_not_fall_back_from_a_refused_with_list()
    {
        var served = new int[1];
        await using var meter = new ScriptedMeter(r => RefusesLists(r, served));
        using var logs = new CapturingLoggerProvider();
        await using var client = await meter.ConnectAsync(Options(logs, strict: true));

        await Assert.ThrowsAsync<CosemExceptionResponseException>(async () => await client.GetManyAsync(Registers));
        Assert.Equal(0, served[0]);
    }

    [Theory]
    [InlineData(0, 2024, null)]
    [InlineData(-120, 2024, null)]
    [InlineData(-125, 2024, "not a multiple of 15")]
    [InlineData(0x7FFF, 0xFFFF, "date with wildcards")]
    public void Irregular_deviations_are_named_and_refused_only_when_strict(short deviation, int year, string? words)
    {
        var value = new CosemDateTime(new CosemDate((ushort)year, 6, 1, 0xFF), new CosemTime(12, 0, 0, 0), deviation, 0);

        var found = DateTimeDeviation.Check(value, CompatibilityOptions.Default);

        if (words is null)
        {
            Assert.Null(found);
            return;
        }
        Assert.Contains(words, found, StringComparison.Ordinal);
        Assert.Throws<CosemEncodingException>(() => DateTimeDeviation.Check(value, CompatibilityOptions.Strict));
    }
}
