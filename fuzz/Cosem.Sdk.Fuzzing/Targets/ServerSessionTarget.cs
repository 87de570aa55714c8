using System.Collections.Concurrent;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Fuzzing.Targets;

/// <summary>
/// A server session fed a byte stream: the input is written, as one client would send it, into an in-memory wrapper
/// connection of a running <see cref="CosemServer"/> (a public association without authentication for client 16, one
/// with a password for client 1, a clock, a register and a profile). The session must end when the stream ends,
/// within <see cref="SessionLimit"/> (else a hang), and must not have logged an internal error (the session catches
/// its own defects so one connection cannot take the server down; here such a defect is a finding).
/// </summary>
public sealed class ServerSessionTarget : IFuzzTarget
{
    /// <summary>How long one input may keep the session busy.</summary>
    public static readonly TimeSpan SessionLimit = TimeSpan.FromSeconds(5);

    private static readonly Lazy<(CosemServer Server, FailureLog Failures)> Running = new(Start);

    /// <inheritdoc />
    public string Name => "server-session";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        var (server, failures) = Running.Value;
        var bytes = input.ToArray();
        RunAsync(server, bytes).GetAwaiter().GetResult();
        if (failures.TakeFirst() is { } failure)
        {
            throw new FuzzFinding("server-session: the session logged an internal error", failure);
        }
    }

    private static async Task RunAsync(CosemServer server, byte[] stream)
    {
        var (client, serverSide) = InMemoryDuplexPipe.CreatePair();
        await using var _ = client;
        server.Serve(WrapperChannel.CreateServer(serverSide));
        using var limit = new CancellationTokenSource(SessionLimit);
        await client.Output.WriteAsync(stream, limit.Token).ConfigureAwait(false);
        await client.Output.CompleteAsync().ConfigureAwait(false);
        try
        {
            while (true)
            {
                var read = await client.Input.ReadAsync(limit.Token).ConfigureAwait(false);
                client.Input.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException ex)
        {
            throw new FuzzFinding($"server-session: the session did not end within {SessionLimit.TotalSeconds} s of the stream's end", ex);
        }
    }

    private static (CosemServer, FailureLog) Start()
    {
        var failures = new FailureLog();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(0, 8).Select(i => CosemData.Structure(
            CosemData.DateTime(CosemDateTime.From(start.AddMinutes(15 * i))), CosemData.FromUInt32((uint)i))).ToArray();
        var device = new LogicalDevice(1)
        {
            new Clock(new ObisCode(0, 0, 1, 0, 0, 255)) { Time = CosemDateTime.From(start) },
            new Register(new ObisCode(1, 0, 1, 8, 0, 255)) { Value = CosemData.FromUInt32(12_345_678), ScalerUnit = new ScalerUnit(0, Unit.WattHour) },
            new ProfileGeneric(new ObisCode(1, 0, 99, 1, 0, 255)) { Buffer = rows, CapturePeriod = 900, EntriesInUse = 8, ProfileEntries = 8 },
            new SapAssignmentServer(),
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16) { Access = AccessLevel.ReadOnly },
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 2, 255), 1) { Authentication = AssociationAuthentication.Low("12345678") },
        };
        var options = new CosemServerOptions { LoggerFactory = failures };
        var server = new CosemServer(device, options);
        server.StartAsync().GetAwaiter().GetResult();
        return (server, failures);
    }

    /// <summary>Keeps every exception the server logs at error level or above (its "internal error" paths).</summary>
    private sealed class FailureLog : ILoggerFactory, ILogger
    {
        private readonly ConcurrentQueue<Exception> _failures = new();

        public Exception? TakeFirst()
        {
            var found = _failures.TryDequeue(out var first) ? first : null;
            _failures.Clear();
            return found;
        }

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                _failures.Enqueue(exception ?? new InvalidOperationException(formatter(state, exception)));
            }
        }

        public void Dispose()
        {
        }
    }
}
