using System.IO.Pipelines;
using System.Net.Sockets;

namespace Cosem.Sdk.Transport.Pipes;

/// <summary>
/// An <see cref="IDuplexPipe"/> over any bidirectional <see cref="Stream"/> (a <see cref="NetworkStream"/>, a serial
/// port's stream, a test stream). A background loop copies the stream into a <see cref="Pipe"/>, so readers may
/// cancel a pending read (time-outs) without ever cancelling an I/O on the stream itself.
/// </summary>
public sealed class StreamDuplexPipe : IDuplexPipe, IAsyncDisposable
{
    private const int MinimumReadSize = 4096;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Pipe _inbound = new(new PipeOptions(useSynchronizationContext: false));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private int _disposed;

    public StreamDuplexPipe(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        Output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        _pump = Task.Run(PumpAsync);
    }

    public PipeReader Input => _inbound.Reader;

    public PipeWriter Output { get; }

    /// <summary>Wraps a connected socket; the pipe owns it. Nagle is disabled: frames are small and latency matters.</summary>
    public static StreamDuplexPipe FromSocket(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (socket.ProtocolType == ProtocolType.Tcp)
        {
            socket.NoDelay = true;
        }
        return new StreamDuplexPipe(new NetworkStream(socket, ownsSocket: true));
    }

    private async Task PumpAsync()
    {
        var writer = _inbound.Writer;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(MinimumReadSize);
                var read = await _stream.ReadAsync(memory, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                writer.Advance(read);
                var flush = await writer.FlushAsync(_stop.Token).ConfigureAwait(false);
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // A broken or closed stream is an end of input: readers see IsCompleted and report ConnectionClosed.
        }
        await writer.CompleteAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Output.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Flushing what is left to a dead peer is not worth an error at disposal.
        }
        if (!_leaveOpen)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        await _pump.ConfigureAwait(false);
        await _inbound.Reader.CompleteAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
