using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// A whole firmware upgrade of a 1 MiB image over the loopback wrapper, client and server in this process:
/// <see cref="ImageTransfer.Proxy.TransferImageAsync"/> against an <see cref="ImageTransferServer"/> (initiate,
/// every block as one ACTION, status reads, verify with the SHA-256 trailer, image_to_activate_info, activate).
/// Blocks per second = blocks of the image / mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class FirmwareTransferBenchmarks
{
    private static readonly ObisCode TransferName = ImageTransferServer.DefaultLogicalName;
    private readonly byte[] _image = CreateImage();
    private CosemServer _server = null!;
    private CosemClient _client = null!;
    private ImageTransfer.Proxy _proxy = null!;

    /// <summary>image_block_size of the meter: 2,048 or 512 blocks for the 1 MiB image.</summary>
    [Params(512, 2048)]
    public uint BlockSize { get; set; }

    private static byte[] CreateImage()
    {
        var payload = new byte[(1 << 20) - ImageSha256Trailer.Length];
        new Random(42).NextBytes(payload);
        return ImageSha256Trailer.Append(payload);
    }

    [GlobalSetup]
    public void Setup()
    {
        var device = new LogicalDevice(1)
        {
            new ImageTransferServer(TransferName, BlockSize, 2 << 20),
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16),
        };
        _server = new CosemServer(device).Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out var endPoint);
        _server.StartAsync().GetAwaiter().GetResult();
        _client = CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", endPoint.EndPoint!.Port), new AssociationOptions { ClientAddress = 16 })
            .GetAwaiter().GetResult();
        _proxy = new ImageTransfer.Proxy(_client, TransferName);
    }

    /// <summary>One whole transfer of the 1 MiB image, activated.</summary>
    [Benchmark]
    public uint Transfer1MiB() =>
        _proxy.TransferImageAsync("FW-bench"u8.ToArray(), new MemoryStream(_image, writable: false)).GetAwaiter().GetResult().BlocksSent;

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
