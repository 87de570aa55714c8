using System.IO.Pipelines;
using System.Net;
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
    // The largest read the pump asks for once reads keep filling their buffer (a long answer in 64 KB blocks): one
    // socket read and one reader wake-up per 64 KB instead of per 4 KB. A short read goes back to the minimum, so an
    // idle connection holds only a small segment while its read is pending.
    private const int MaximumReadSize = 64 * 1024;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Pipe _inbound;
    // Not disposed: the pump may outlive disposal when a stream ignores both cancellation and closing.
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationToken _stopToken;
    private readonly CancellationToken _readToken;
    private readonly Task _pump;
    private readonly int _maxReadSize;
    private int _disposed;

    /// <summary>
    /// Received bytes buffered and not yet consumed before the pump stops reading from the stream (it resumes below
    /// half): a peer that sends faster than the reader consumes holds at most this much memory and one read more (a
    /// read is at most half of it, and 64 KB).
    /// </summary>
    public const long DefaultMaxBufferedBytes = 128 * 1024;

    /// <summary>Starts copying <paramref name="stream"/> into <see cref="Input"/> on a background task, buffering at most
    /// <paramref name="maxBufferedBytes"/> unread bytes.</summary>
    /// <param name="stream">A readable and writable stream, e.g. a <see cref="NetworkStream"/> or a serial port's
    /// stream.</param>
    /// <param name="leaveOpen">Whether <see cref="DisposeAsync"/> leaves the stream open (default false: the pipe owns
    /// it).</param>
    /// <param name="maxBufferedBytes">Unread bytes at which the pump stops reading (it resumes below half).</param>
    public StreamDuplexPipe(Stream stream, bool leaveOpen = false, long maxBufferedBytes = DefaultMaxBufferedBytes)
        : this(stream, leaveOpen, maxBufferedBytes, ownedSocket: false, inlineReads: false)
    {
    }

    // A socket the pipe owns is read without a cancellation token (closing it at disposal ends a pending read, and a
    // cancellable read registers on the token once per frame), and its pump starts on the calling thread: a socket
    // read is truly asynchronous, so the first one returns at once, and a thread-pool hand-off per connection is
    // saved. Other streams (serial ports, test streams) may read synchronously, so their pump starts on the pool.
    // With inlineReads, a pending reader resumes on the pump's thread as soon as bytes arrive instead of being queued
    // to the thread pool: one hand-off less per received frame. Only for readers that never wait synchronously on
    // this pipe (the pump stays inside that reader until it next awaits): the SDK's own server sessions.
    private StreamDuplexPipe(Stream stream, bool leaveOpen, long maxBufferedBytes, bool ownedSocket, bool inlineReads)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBufferedBytes, MinimumReadSize);
        _inbound = new Pipe(new PipeOptions(readerScheduler: inlineReads ? PipeScheduler.Inline : PipeScheduler.ThreadPool,
            pauseWriterThreshold: maxBufferedBytes, resumeWriterThreshold: maxBufferedBytes / 2, useSynchronizationContext: false));
        _stream = stream;
        _leaveOpen = leaveOpen;
        _maxReadSize = (int)Math.Clamp(maxBufferedBytes / 2, MinimumReadSize, MaximumReadSize);
        Output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        _stopToken = _stop.Token;
        _readToken = ownedSocket ? CancellationToken.None : _stopToken;
        _pump = ownedSocket ? PumpAsync() : Task.Run(PumpAsync);
    }

    /// <summary>The bytes read from the stream; completes when the stream ends or breaks (an unexpected stream error
    /// surfaces as an <see cref="IOException"/>).</summary>
    public PipeReader Input => _inbound.Reader;

    /// <summary>The connected peer when the pipe wraps a socket (<see cref="FromSocket"/>); otherwise null.</summary>
    public EndPoint? RemoteEndPoint { get; private init; }

    /// <summary>Writes go straight to the stream when flushed.</summary>
    public PipeWriter Output { get; }

    /// <summary>Wraps a connected socket; the pipe owns it. Nagle is disabled: frames are small and latency matters.</summary>
    public static StreamDuplexPipe FromSocket(Socket socket, long maxBufferedBytes = DefaultMaxBufferedBytes) =>
        OverSocket(socket, maxBufferedBytes, inlineReads: false);

    /// <summary><see cref="FromSocket(Socket, long)"/>; with <paramref name="inlineReads"/>, the reader resumes on
    /// the pump's thread (see the constructor).</summary>
    internal static StreamDuplexPipe OverSocket(Socket socket, long maxBufferedBytes, bool inlineReads)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (socket.ProtocolType == ProtocolType.Tcp)
        {
            socket.NoDelay = true;
        }
        return new StreamDuplexPipe(new NetworkStream(socket, ownsSocket: true), leaveOpen: false, maxBufferedBytes, ownedSocket: true, inlineReads)
        {
            RemoteEndPoint = socket.RemoteEndPoint,
        };
    }

    private async Task PumpAsync()
    {
        var writer = _inbound.Writer;
        Exception? failure = null;
        try
        {
            var readSize = MinimumReadSize;
            while (true)
            {
                var memory = writer.GetMemory(readSize);
                var read = await _stream.ReadAsync(memory, _readToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                writer.Advance(read);
                readSize = read == memory.Length ? Math.Min(readSize * 2, _maxReadSize) : MinimumReadSize;
                var flush = await writer.FlushAsync(_stopToken).ConfigureAwait(false);
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
        catch (Exception ex)
        {
            // Anything else a stream may throw (a serial driver's TimeoutException, an access error) still reaches
            // the reader as a broken connection rather than an unobserved faulted task.
            failure = new IOException($"The stream failed: {ex.Message}", ex);
        }
        await writer.CompleteAsync(failure).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the read loop, flushes and completes <see cref="Output"/> (ignoring a dead peer), and disposes the stream
    /// unless it was left open. Safe to call more than once.
    /// </summary>
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
            try
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // Closing a broken stream.
            }
        }
        // The pump owns the memory the stream reads into (rented from the pipe): the inbound writer completes only
        // when the pump has left the stream. If the stream ignores cancellation (a left-open stream), the reader is
        // completed alone and the pipe keeps its segments until the pump ends: nothing is returned while in use.
        try
        {
            await _pump.WaitAsync(OperationLifetime.Grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Abandoned: the pump completes the writer whenever the stream finally returns.
        }
        await _inbound.Reader.CompleteAsync().ConfigureAwait(false);
    }
}
