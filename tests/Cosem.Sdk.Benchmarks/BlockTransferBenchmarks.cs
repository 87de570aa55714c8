using BenchmarkDotNet.Attributes;
using Cosem.Sdk.Client;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// The 10,000-row load profile (≈ 360 KB) over the loopback wrapper with a realistic client PDU size, so the answer
/// takes hundreds of blocks: service-specific blocks (GET-Response-With-Datablock, one GET-Request-Next per block,
/// the baseline) against general block transfer with a window of 1 (one acknowledgement per block) and of 16 (the
/// server streams 16 blocks per acknowledgement), all in one run. Target: GBT window 1 no slower than the baseline,
/// window 16 faster. The meter runs in a process of its own (<see cref="BlockTransferProbeServer"/>), as a meter is
/// another device: with client and server in one process, each read's 2 MB of decoded rows brings collections that
/// pause the server too, and the ratios then follow the order of the runs (window 1 read 1.09x the baseline when each
/// path ran its reads in a row, 0.98x when the paths alternated read by read, 0.94x with a 128 MB gen-0 budget).
/// </summary>
[MemoryDiagnoser]
public class BlockTransferBenchmarks
{
    private BlockTransferProbeServer _meter = null!;
    private Objects.ProfileGeneric.Proxy _serviceBlocks = null!;
    private Objects.ProfileGeneric.Proxy _gbtWindow1 = null!;
    private Objects.ProfileGeneric.Proxy _gbtWindow16 = null!;
    private readonly List<CosemClient> _clients = [];

    /// <summary>client-max-receive-pdu-size: the block size of both kinds of block transfer.</summary>
    [Params(1024)]
    public ushort MaxPdu { get; set; }

    /// <summary>Delay added before each client send (one per round trip): 0 = loopback, 2 ms = a fast LAN-like link.</summary>
    [Params(0, 2)]
    public int RoundTripMs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _meter = BlockTransferProbeServer.Spawn(plain: true);
        _serviceBlocks = Connect(window: 0);
        _gbtWindow1 = Connect(window: 1);
        _gbtWindow16 = Connect(window: 16);
    }

    private Objects.ProfileGeneric.Proxy Connect(int window)
    {
        var transport = ClientTransport.Custom($"127.0.0.1:{_meter.Port} +{RoundTripMs} ms", async (_, cancellationToken) =>
            new DelayedChannel(await Transport.Wrapper.WrapperChannel.ConnectTcpAsync("127.0.0.1", _meter.Port, cancellationToken: cancellationToken),
                TimeSpan.FromMilliseconds(RoundTripMs)));
        var client = CosemClient.ConnectAsync(transport, new AssociationOptions
        {
            ClientAddress = 16,
            MaxReceivePduSize = MaxPdu,
            GeneralBlockTransferWindow = window,
            // A GBT read is one exchange, so the time-out bounds all ≈ 355 round trips; on a loaded machine the 2 ms
            // link (Task.Delay) took ≈ 28 ms a round trip and window 1 passed the default 10 s.
            RequestTimeout = TimeSpan.FromMinutes(1),
        }).GetAwaiter().GetResult();
        _clients.Add(client);
        return new Objects.ProfileGeneric.Proxy(client, BenchmarkMeter.ProfileName);
    }

    [Benchmark(Baseline = true)]
    public int ServiceSpecificBlocks() => _serviceBlocks.GetBufferAsync().AsTask().GetAwaiter().GetResult().Count;

    [Benchmark]
    public int GeneralBlockTransferWindow1() => _gbtWindow1.GetBufferAsync().AsTask().GetAwaiter().GetResult().Count;

    [Benchmark]
    public int GeneralBlockTransferWindow16() => _gbtWindow16.GetBufferAsync().AsTask().GetAwaiter().GetResult().Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var client in _clients)
        {
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        _meter.Dispose();
    }
}
