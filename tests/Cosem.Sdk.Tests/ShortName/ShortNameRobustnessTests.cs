using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Tests.Client;
using Cosem.Sdk.Tests.EndToEnd;
using Cosem.Sdk.Tests.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Tests.ShortName;

/// <summary>
/// SN reports and bad input: an InformationReportRequest reaches the client's handler; malformed or out-of-place
/// requests get a typed answer from the server and never hang it; a meter's bad answer is a typed error.
/// </summary>
public class ShortNameRobustnessTests
{
    // One object: the clock at base name 0x0100 (class 8 version 0).
    private static byte[] ObjectList() => CosemData.Array(CosemData.Structure(
        CosemData.FromInt16(0x0100), CosemData.FromUInt16(8), CosemData.FromUInt8(0), CosemData.OctetString(LoopbackMeter.ClockName.ToArray()))).ToArray();

    private static byte[] Answer(params byte[][] values) => new ReadResponse(values.Select(v => ReadResult.FromData(v)).ToArray()).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_information_report_received_while_waiting_reaches_the_handler(bool hdlc)
    {
        var time = CosemData.DateTime(CosemDateTime.From(LoopbackMeter.Now)).ToArray();
        var report = new InformationReportRequest(ReadOnlyMemory<byte>.Empty,
            [VariableAccessSpecification.ByName(0x0108)], [time]).ToArray();
        await using var meter = new ScriptedMeter(request => request switch
        {
            ReadRequest { Variables: [{ VariableName: 0xFA08 }] } => [Answer(ObjectList())],
            ReadRequest => [report, Answer(time)], // the report comes first, then the answer
            _ => [],
        }, hdlc) { Conformance = AssociationOptions.ShortNameConformance };
        await using var client = await meter.ConnectAsync(new AssociationOptions { Referencing = Referencing.ShortName, RequestTimeout = TimeSpan.FromSeconds(10) });
        var reports = new List<InformationReportRequest>();
        client.InformationReportReceived += (_, received) => reports.Add(received);

        Assert.Equal(LoopbackMeter.Now, (await new ReferenceMeter(client).Clock.GetTimeAsync()).ToDateTimeOffset());

        var received = Assert.Single(reports);
        Assert.Equal([VariableAccessSpecification.ByName(0x0108)], received.Variables);
        Assert.Equal(time, received.Data[0].ToArray());
    }

    [Fact]
    public async Task A_meter_answer_with_the_wrong_number_of_results_is_a_protocol_error()
    {
        await using var meter = new ScriptedMeter(request => request switch
        {
            ReadRequest { Variables: [{ VariableName: 0xFA08 }] } => [Answer(ObjectList())],
            ReadRequest => [Answer(CosemData.FromUInt8(1).ToArray(), CosemData.FromUInt8(2).ToArray())],
            _ => [],
        }) { Conformance = AssociationOptions.ShortNameConformance };
        await using var client = await meter.ConnectAsync(new AssociationOptions { Referencing = Referencing.ShortName, RequestTimeout = TimeSpan.FromSeconds(10) });

        await Assert.ThrowsAsync<CosemProtocolException>(() => new ReferenceMeter(client).Clock.GetTimeAsync().AsTask());
    }

    [Fact]
    public async Task A_block_stream_that_skips_a_number_is_a_protocol_error()
    {
        await using var meter = new ScriptedMeter(request => request switch
        {
            ReadRequest { Variables: [{ VariableName: 0xFA08 }] } => [Answer(ObjectList())],
            ReadRequest { Variables: [{ Kind: VariableAccessKind.BlockNumberAccess }] } =>
                [new ReadResponse([ReadResult.FromDataBlock(false, 5, new byte[] { 1 })]).ToArray()],
            ReadRequest => [new ReadResponse([ReadResult.FromDataBlock(false, 1, new byte[] { 0x09 })]).ToArray()],
            _ => [],
        }) { Conformance = AssociationOptions.ShortNameConformance };
        await using var client = await meter.ConnectAsync(new AssociationOptions { Referencing = Referencing.ShortName, RequestTimeout = TimeSpan.FromSeconds(10) });

        await Assert.ThrowsAsync<CosemProtocolException>(() => new ReferenceMeter(client).Clock.GetTimeAsync().AsTask());
    }

    [Theory]
    [InlineData("05")]                 // ReadRequest without its list
    [InlineData("0501")]               // a list of one, no variable
    [InlineData("050102")]             // variable-name cut short
    [InlineData("0501090100")]         // an unknown Variable-Access-Specification choice
    [InlineData("0601020108")]         // WriteRequest without its list-of-data
    public async Task A_malformed_request_gets_a_confirmed_service_error_and_the_association_goes_on(string hex)
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var raw = await AssociateRawAsync(meter);

        var answer = Assert.IsType<ConfirmedServiceError>(ApduDecoder.Decode(await raw.RequestAsync(hex)));
        Assert.Equal(hex.StartsWith("05", StringComparison.Ordinal) ? ConfirmedServiceKind.Read : ConfirmedServiceKind.Write, answer.Service);

        var read = await raw.RequestAsync<ReadResponse>(new ReadRequest([VariableAccessSpecification.ByName(0x0108)]));
        Assert.Equal(CosemData.DateTime(CosemDateTime.From(LoopbackMeter.Now)), CosemData.Decode(read.Results[0].Data.Span));
    }

    [Fact]
    public async Task Out_of_place_requests_are_answered_not_served()
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var raw = await AssociateRawAsync(meter);

        // A block acknowledgement with no long read in progress.
        var block = await raw.RequestAsync<ReadResponse>(new ReadRequest([VariableAccessSpecification.BlockNumberAccess(1)]));
        Assert.Equal(ReadResult.FromError(DataAccessResult.NoLongGetInProgress), block.Results[0]);
        // An LN service in an SN association.
        var get = await raw.RequestAsync<ExceptionResponse>(new GetRequestNormal(new InvokeIdAndPriority(1, true, true),
            new CosemAttributeDescriptor(8, LoopbackMeter.ClockName, 2), null));
        Assert.Equal(ExceptionServiceError.ServiceNotSupported, get.ServiceError);
        // A short name inside an object's range that names neither an attribute nor a method (Clock: 0x48..0x58).
        var gap = await raw.RequestAsync<ReadResponse>(new ReadRequest([VariableAccessSpecification.ByName(0x0100 + 0x50)]));
        Assert.Equal(ReadResult.FromError(DataAccessResult.ObjectUndefined), gap.Results[0]);
        // A write data block whose data is not the octet-string slice of a request: refused, not joined.
        var longWrite = await raw.RequestAsync<WriteResponse>(new WriteRequest([VariableAccessSpecification.WriteDataBlockAccess(false, 1)], [new byte[] { 0x11, 0x01 }]));
        Assert.Equal(WriteResult.FromError(DataAccessResult.TypeUnmatched), longWrite.Results[0]);
    }

    [Fact]
    public async Task Random_read_and_write_requests_are_each_answered_and_never_hang_the_server()
    {
        await using var meter = await ShortNameMeter.StartAsync();
        await using var raw = await AssociateRawAsync(meter, ShortNameMeter.PublicClient);
        var random = new Random(20261205); // fixed seed: the same requests every run
        for (var i = 0; i < 300; i++)
        {
            var request = new byte[1 + random.Next(0, 24)];
            random.NextBytes(request);
            request[0] = i % 2 == 0 ? (byte)ApduTag.ReadRequest : (byte)ApduTag.WriteRequest;
            var answer = ApduDecoder.Decode(await raw.RequestAsync(request)); // RequestAsync fails after 10 s without an answer
            Assert.True(answer is ReadResponse or WriteResponse or ConfirmedServiceError, $"{Convert.ToHexString(request)} -> {answer.GetType().Name}");
        }
        var energy = await raw.RequestAsync<ReadResponse>(new ReadRequest([VariableAccessSpecification.ByName(0x0190 + 0x08)]));
        Assert.Equal(CosemData.FromUInt32(12_345_678), CosemData.Decode(energy.Results[0].Data.Span));
    }

    [Fact]
    public async Task Overlapping_base_names_are_refused_per_request_without_dropping_the_connection()
    {
        await using var meter = await ShortNameMeter.StartAsync(clockBaseName: 0x2000);
        meter.PublicAssociation.AssignBaseName(LoopbackMeter.EnergyName, 0x2008); // inside the clock's range
        await using var raw = await AssociateRawAsync(meter, ShortNameMeter.PublicClient);

        // No short name resolves while the table is inconsistent (the clash is logged); each request is still answered.
        var list = await raw.RequestAsync<ReadResponse>(new ReadRequest([VariableAccessSpecification.ByName(0xFA08)]));
        Assert.Equal(ReadResult.FromError(DataAccessResult.ObjectUndefined), list.Results[0]);
        var time = await raw.RequestAsync<ReadResponse>(new ReadRequest([VariableAccessSpecification.ByName(0x2008)]));
        Assert.Equal(ReadResult.FromError(DataAccessResult.ObjectUndefined), time.Results[0]);
    }

    /// <summary>A raw wrapper channel with an SN association opened for <paramref name="client"/> (management by default).</summary>
    private static async Task<RawClient> AssociateRawAsync(ShortNameMeter meter, ushort client = ShortNameMeter.ManagementClient)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var options = ShortNameMeter.Options(client);
        var raw = new RawClient(await meter.Transport("tcp").OpenAsync(options, NullLoggerFactory.Instance, cts.Token));
        var lls = client == ShortNameMeter.ManagementClient;
        var aare = await raw.AssociateAsync(new AarqApdu
        {
            ApplicationContextName = ApplicationContextName.ShortName,
            SenderAcseRequirements = lls ? AcseRequirements.Authentication : null,
            MechanismName = lls ? MechanismName.Low : null,
            CallingAuthenticationValue = lls ? AuthenticationValue.CharString(System.Text.Encoding.ASCII.GetBytes(ShortNameMeter.Password)) : null,
            UserInformation = new InitiateRequest { ProposedConformance = AssociationOptions.ShortNameConformance, ClientMaxReceivePduSize = 0xFFFF }.ToArray(),
        }.ToArray());
        Assert.Equal(AssociationResult.Accepted, aare.Result);
        Assert.Equal(InitiateResponse.VaaNameShortName, aare.InitiateResponse!.VaaName);
        return raw;
    }
}
