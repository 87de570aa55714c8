using System.Buffers;
using System.IO.Pipelines;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>
/// Sits between an HDLC client and server (in memory) and lets a test drop, corrupt or pad the frames in each
/// direction. The filter receives the direction, the frame's index in that direction and its bytes, and returns
/// the bytes to forward (empty to drop).
/// </summary>
internal sealed class HdlcRelay : IAsyncDisposable
{
    private readonly Task _toServer;
    private readonly Task _toClient;
    private readonly InMemoryDuplexPipe _clientFacing;
    private readonly InMemoryDuplexPipe _serverFacing;

    public HdlcRelay(Func<bool, int, byte[], byte[]> filter)
    {
        (ClientEnd, _clientFacing) = InMemoryDuplexPipe.CreatePair();
        (ServerEnd, _serverFacing) = InMemoryDuplexPipe.CreatePair();
        _toServer = PumpAsync(_clientFacing.Input, _serverFacing.Output, toServer: true, filter);
        _toClient = PumpAsync(_serverFacing.Input, _clientFacing.Output, toServer: false, filter);
    }

    public InMemoryDuplexPipe ClientEnd { get; }

    public InMemoryDuplexPipe ServerEnd { get; }

    private static async Task PumpAsync(PipeReader input, PipeWriter output, bool toServer, Func<bool, int, byte[], byte[]> filter)
    {
        var index = 0;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync();
                var buffer = result.Buffer;
                while (true)
                {
                    var bytes = buffer.ToArray();
                    var start = Array.IndexOf(bytes, HdlcFrame.Flag);
                    if (start < 0 || HdlcFrame.Decode(bytes.AsSpan(start), out _, out var closing) != Cosem.Sdk.Transport.Hdlc.HdlcDecodeStatus.Complete)
                    {
                        break;
                    }
                    var frame = bytes[start..(start + closing + 1)];
                    buffer = buffer.Slice(start + closing + 1);
                    var forwarded = filter(toServer, index++, frame);
                    if (forwarded.Length > 0)
                    {
                        await output.WriteAsync(forwarded);
                    }
                }
                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The relay was disposed under the pump: that is how it stops.
        }
        finally
        {
            await output.CompleteAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _clientFacing.DisposeAsync();
        await _serverFacing.DisposeAsync();
        await Task.WhenAll(_toServer, _toClient).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
