using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Cosem.Cli.Tests;

/// <summary>
/// A TCP wrapper relay (IEC 62056-47 frames) between the tool and a conformant meter that turns it into a
/// non-conformant one: <see cref="FromClient"/> may answer a request itself instead of forwarding it (an empty
/// answer drops it), <see cref="FromMeter"/> rewrites each answer into zero or more APDUs.
/// </summary>
internal sealed class DeviatingRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _meterPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public DeviatingRelay(int meterPort)
    {
        _meterPort = meterPort;
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Answers for the client instead of forwarding the request, or null to forward it.</summary>
    public Func<byte[], byte[][]?> FromClient { get; init; } = _ => null;

    /// <summary>What the client gets instead of the meter's answer.</summary>
    public Func<byte[], byte[][]> FromMeter { get; init; } = apdu => [apdu];

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => RelayAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var meter = new TcpClient())
        {
            try
            {
                await meter.ConnectAsync(IPAddress.Loopback, _meterPort, _stop.Token);
                var toClient = client.GetStream();
                var toMeter = meter.GetStream();
                using var gate = new SemaphoreSlim(1, 1);
                async Task SendToClientAsync(byte[] header, byte[] apdu, bool swap)
                {
                    await gate.WaitAsync(_stop.Token);
                    try
                    {
                        await toClient.WriteAsync(Frame(header, apdu, swap), _stop.Token);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }
                var up = Task.Run(async () =>
                {
                    while (await ReadFrameAsync(toClient) is { } frame)
                    {
                        if (FromClient(frame.Apdu) is { } answers)
                        {
                            foreach (var answer in answers)
                            {
                                await SendToClientAsync(frame.Header, answer, swap: true);
                            }
                            continue;
                        }
                        await toMeter.WriteAsync(Frame(frame.Header, frame.Apdu, swap: false), _stop.Token);
                    }
                });
                var down = Task.Run(async () =>
                {
                    while (await ReadFrameAsync(toMeter) is { } frame)
                    {
                        foreach (var apdu in FromMeter(frame.Apdu))
                        {
                            await SendToClientAsync(frame.Header, apdu, swap: false);
                        }
                    }
                });
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private static byte[] Frame(byte[] header, byte[] apdu, bool swap)
    {
        var frame = new byte[8 + apdu.Length];
        header.AsSpan(0, 8).CopyTo(frame);
        if (swap)
        {
            header.AsSpan(4, 2).CopyTo(frame.AsSpan(2));
            header.AsSpan(2, 2).CopyTo(frame.AsSpan(4));
        }
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(6), (ushort)apdu.Length);
        apdu.CopyTo(frame, 8);
        return frame;
    }

    private async Task<(byte[] Header, byte[] Apdu)?> ReadFrameAsync(NetworkStream stream)
    {
        var header = new byte[8];
        try
        {
            await stream.ReadExactlyAsync(header, _stop.Token);
            var apdu = new byte[BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(6))];
            await stream.ReadExactlyAsync(apdu, _stop.Token);
            return (header, apdu);
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
