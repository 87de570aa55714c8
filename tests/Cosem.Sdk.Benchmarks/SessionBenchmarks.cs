using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// One GET round trip over the loopback wrapper, client and server in this process: every iteration is a single
/// GET-Request-Normal / GET-Response-Normal of a double-long-unsigned register value, so the P50 and P99 columns are
/// percentiles of single requests. The job runs in-process (a build of its own times out on a loaded machine).
/// Targets: P50 within 1.3× the raw socket echo's P50 of the same run; at most 1 KB allocated per GET, client and server
/// together (both run in this process, and the memory diagnoser counts every thread).
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class GetRoundTripBenchmarks
{
    private static readonly CosemAttributeDescriptor Energy = new(3, BenchmarkMeter.EnergyName, 2);
    private BenchmarkMeter _meter = null!;
    private CosemClient _client = null!;
    private Socket _echoClient = null!;
    private Socket _echoServer = null!;
    private Task _echo = Task.CompletedTask;
    private readonly byte[] _ping = new byte[21];
    private readonly byte[] _pong = new byte[64];

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Throughput).WithInvocationCount(1).WithUnrollFactor(1)
                .WithWarmupCount(200).WithIterationCount(3000).WithToolchain(InProcessEmitToolchain.Instance).WithId("PerRequest"));
            AddColumn(StatisticColumn.Median, new PercentileColumn(50), new PercentileColumn(99));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _meter = BenchmarkMeter.StartAsync(profileRows: 1).GetAwaiter().GetResult();
        _client = _meter.ConnectAsync().GetAwaiter().GetResult();
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        _echoClient = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _echoClient.Connect(listener.LocalEndPoint!);
        _echoServer = listener.Accept();
        _echoServer.NoDelay = true;
        _echo = Task.Run(async () =>
        {
            var buffer = new byte[64];
            int read;
            while ((read = await _echoServer.ReceiveAsync(buffer)) > 0)
            {
                await _echoServer.SendAsync(buffer.AsMemory(0, read));
            }
        });
    }

    /// <summary>The floor on this machine: a 21-byte ping and its echo between two loopback sockets, no protocol.</summary>
    [Benchmark(Baseline = true)]
    public int RawSocketEcho() => PingAsync().GetAwaiter().GetResult();

    private async Task<int> PingAsync()
    {
        await _echoClient.SendAsync(_ping);
        var received = 0;
        while (received < _ping.Length)
        {
            received += await _echoClient.ReceiveAsync(_pong.AsMemory(received));
        }
        return received;
    }

    [Benchmark]
    public uint Get() => _client.GetAsync(Energy, static (ref AxdrReader reader) => reader.ReadUInt32()).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// The same GET, <see cref="GetsPerInvoke"/> in a row per invocation, awaited as an application awaits it: its
    /// Allocated column is the bytes per GET of client and server. The memory diagnoser measures one extra invocation,
    /// so with one GET per invocation (<see cref="Get"/>, for the percentiles) whatever any thread of the process
    /// allocated in that one round trip lands on it, and blocking on each GET adds the harness's own task per request.
    /// </summary>
    [Benchmark(OperationsPerInvoke = GetsPerInvoke)]
    public uint GetsInARow() => GetsInARowAsync().GetAwaiter().GetResult();

    private async Task<uint> GetsInARowAsync()
    {
        uint sum = 0;
        for (var i = 0; i < GetsPerInvoke; i++)
        {
            sum += await _client.GetAsync(Energy, static (ref AxdrReader reader) => reader.ReadUInt32());
        }
        return sum;
    }

    private const int GetsPerInvoke = 100;

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _meter.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _echoClient.Dispose();
        _echo.GetAwaiter().GetResult();
        _echoServer.Dispose();
    }
}

/// <summary>
/// Reading a whole 10,000-row load profile (about 360 KB, answered in blocks) over the loopback wrapper through the
/// generated proxy, rows decoded. Target: under 25 ms.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, warmupCount: 3, iterationCount: 15)]
public partial class ProfileReadBenchmarks
{
    private BenchmarkMeter _meter = null!;
    private CosemClient _client = null!;
    private Objects.ProfileGeneric.Proxy _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        _meter = BenchmarkMeter.StartAsync(profileRows: 10_000).GetAwaiter().GetResult();
        _client = _meter.ConnectAsync().GetAwaiter().GetResult();
        _profile = new Objects.ProfileGeneric.Proxy(_client, BenchmarkMeter.ProfileName);
        StartRawTransfer(_profile.GetBufferAsync().AsTask().GetAwaiter().GetResult());
    }

    [Benchmark]
    public int Read10000Rows() => _profile.GetBufferAsync().AsTask().GetAwaiter().GetResult().Count;

    /// <summary>The same buffer as typed rows streamed block by block (<see cref="Objects.ProfileRowReader"/>, what the
    /// generated ReadAllAsync calls); no row is kept, so memory is one block.</summary>
    [Benchmark]
    public int Read10000TypedRows() => ReadTypedAsync().GetAwaiter().GetResult();

    private async Task<int> ReadTypedAsync()
    {
        int count = 0;
        await foreach (var _ in Objects.ProfileRowReader.ReadAsync(_client, new Apdu.CosemAttributeDescriptor(7, BenchmarkMeter.ProfileName, 2), null,
            LoadProfileRow.Decode))
        {
            count++;
        }
        return count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        StopRawTransfer();
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _meter.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
