using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// The in-run floor for the profile reads: the same bytes (the buffer's A-XDR encoding, about 360 KB) sent whole from
/// one loopback socket to another after a one-byte request, with no protocol, blocks or decoding. Issue 17's target is
/// a typed read within 2× of it.
/// </summary>
public partial class ProfileReadBenchmarks
{
    private static readonly byte[] RawRequest = [1];
    private Socket _rawClient = null!;
    private Socket _rawServer = null!;
    private Task _rawSender = Task.CompletedTask;
    private byte[] _rawBytes = [];
    private byte[] _rawReceived = [];

    private void StartRawTransfer(IReadOnlyList<CosemData> rows)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new AxdrWriter(output);
        CosemData.Array(rows.ToArray()).Encode(ref writer);
        writer.Flush();
        _rawBytes = output.WrittenSpan.ToArray();
        _rawReceived = new byte[_rawBytes.Length];

        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        _rawClient = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _rawClient.Connect(listener.LocalEndPoint!);
        _rawServer = listener.Accept();
        _rawServer.NoDelay = true;
        _rawSender = Task.Run(async () =>
        {
            var request = new byte[1];
            while (await _rawServer.ReceiveAsync(request) > 0)
            {
                await _rawServer.SendAsync(_rawBytes);
            }
        });
    }

    /// <summary>The baseline: one request byte out, the encoded buffer's bytes back, nothing decoded.</summary>
    [Benchmark(Baseline = true)]
    public int RawTransferOfTheSameBytes() => RawTransferAsync().GetAwaiter().GetResult();

    private async Task<int> RawTransferAsync()
    {
        await _rawClient.SendAsync(RawRequest);
        int received = 0;
        while (received < _rawReceived.Length)
        {
            int read = await _rawClient.ReceiveAsync(_rawReceived.AsMemory(received));
            if (read == 0)
            {
                throw new InvalidOperationException("The raw sender closed early.");
            }
            received += read;
        }
        return received;
    }

    private void StopRawTransfer()
    {
        _rawClient.Dispose();
        _rawServer.Dispose();
        try
        {
            _rawSender.GetAwaiter().GetResult();
        }
        catch (SocketException)
        {
            // The sender's pending receive ends with the socket.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
