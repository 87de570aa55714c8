using System.IO.Pipelines;

namespace Cosem.Sdk.Transport.Pipes;

/// <summary>
/// Reads a <see cref="PipeReader"/> with a deadline. A single reusable timer calls
/// <see cref="PipeReader.CancelPendingRead"/>, so a time-out costs no allocation and leaves the reader usable.
/// </summary>
internal sealed class DeadlineReader : IDisposable
{
    /// <summary>A deadline that never passes.</summary>
    public const long Never = long.MaxValue;

    private readonly Timer _timer;

    public DeadlineReader(PipeReader reader)
    {
        Reader = reader;
        _timer = new Timer(static state => CancelRead((PipeReader)state!), reader, Timeout.Infinite, Timeout.Infinite);
    }

    public PipeReader Reader { get; }

    public static long Now => Environment.TickCount64;

    public static long After(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span >= TimeSpan.FromDays(1) ? Never : Now + (long)span.TotalMilliseconds;

    /// <summary>
    /// Reads until data arrives or <paramref name="deadline"/> passes. On a time-out the result is
    /// <see cref="ReadResult.IsCanceled"/> and <c>TimedOut</c> is true; the buffer must still be advanced.
    /// </summary>
    public async ValueTask<(ReadResult Result, bool TimedOut)> ReadAsync(long deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (deadline == Never)
            {
                var plain = await Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (plain.IsCanceled && !plain.IsCompleted && plain.Buffer.IsEmpty)
                {
                    continue; // a late timer tick from an earlier deadline
                }
                return (plain, false);
            }
            var remaining = deadline - Now;
            if (remaining <= 0)
            {
                // Still hand out what is buffered, so the caller can advance and decide.
                Reader.CancelPendingRead();
                var pending = await Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return (pending, true);
            }
            _timer.Change(remaining, Timeout.Infinite);
            ReadResult result;
            try
            {
                result = await Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _timer.Change(Timeout.Infinite, Timeout.Infinite);
            }
            if (result.IsCanceled && Now < deadline)
            {
                // A late tick of an earlier deadline: nothing new, carry on waiting.
                return (result, false);
            }
            return (result, result.IsCanceled);
        }
    }

    // A tick may come late, after the pipe was closed: an exception on a timer thread would end the process.
    private static void CancelRead(PipeReader reader)
    {
        try
        {
            reader.CancelPendingRead();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // Nothing left to wake.
        }
    }

    public void Dispose() => _timer.Dispose();
}
