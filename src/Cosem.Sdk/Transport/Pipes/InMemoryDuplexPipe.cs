using System.IO.Pipelines;

namespace Cosem.Sdk.Transport.Pipes;

/// <summary>
/// One end of an in-process byte connection, for tests and for hosting a client and a server in one process.
/// Disposing an end completes its output, which the other end reads as a closed connection.
/// </summary>
public sealed class InMemoryDuplexPipe : IDuplexPipe, IAsyncDisposable
{
    private InMemoryDuplexPipe(PipeReader input, PipeWriter output)
    {
        Input = input;
        Output = output;
    }

    /// <summary>Reads what the other end of the pair writes.</summary>
    public PipeReader Input { get; }

    /// <summary>Writes what the other end of the pair reads.</summary>
    public PipeWriter Output { get; }

    /// <summary>Creates two connected ends: what one writes, the other reads.</summary>
    public static (InMemoryDuplexPipe A, InMemoryDuplexPipe B) CreatePair()
    {
        var options = new PipeOptions(useSynchronizationContext: false);
        var aToB = new Pipe(options);
        var bToA = new Pipe(options);
        return (new InMemoryDuplexPipe(bToA.Reader, aToB.Writer), new InMemoryDuplexPipe(aToB.Reader, bToA.Writer));
    }

    /// <summary>Completes both directions; the other end's reader then sees
    /// <see cref="ReadResult.IsCompleted"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await Output.CompleteAsync().ConfigureAwait(false);
        await Input.CompleteAsync().ConfigureAwait(false);
    }
}
