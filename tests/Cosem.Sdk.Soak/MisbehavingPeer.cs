using System.Net;
using System.Net.Sockets;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Soak;

/// <summary>The ways a misbehaving peer misbehaves, taken in turn by the misbehaving peers.</summary>
public enum Misbehaviour
{
    /// <summary>Trickles one byte of a never-ending wrapper frame per second; the server must close it (association time-out).</summary>
    SlowLoris,

    /// <summary>Associates with a small PDU size, starts reading the profile (an answer in blocks), and resets the connection after the first block.</summary>
    ResetMidBlock,

    /// <summary>Sends random bytes; the server must close the connection.</summary>
    Garbage,
}

/// <summary>A raw-socket peer that misbehaves over and over until the run stops.</summary>
public static class MisbehavingPeer
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(60);
    private static readonly byte[] Aarq = new AarqApdu
    {
        ApplicationContextName = ApplicationContextName.LogicalName,
        UserInformationApdu = new InitiateRequest { ProposedConformance = (Conformance)0x007E1F, ClientMaxReceivePduSize = 128, ProposedDlmsVersionNumber = 6 },
    }.ToArray();

    private static readonly byte[] GetProfile = new GetRequestNormal(
        new InvokeIdAndPriority(1, confirmed: true, highPriority: true), new CosemAttributeDescriptor(7, SoakMeter.ProfileName, 2)).ToArray();

    /// <summary>Misbehaves as <paramref name="kind"/> until <paramref name="stop"/>.</summary>
    public static async Task RunAsync(Misbehaviour kind, int port, SoakStats stats, CancellationToken stop)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5000)), stop);
            while (!stop.IsCancellationRequested)
            {
                using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
                {
                    try
                    {
                        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), stop);
                        Interlocked.Increment(ref stats.MisbehavingConnections);
                        await (kind switch
                        {
                            Misbehaviour.SlowLoris => SlowLorisAsync(socket, stats, stop),
                            Misbehaviour.ResetMidBlock => ResetMidBlockAsync(socket, stats, stop),
                            _ => GarbageAsync(socket, stats, stop),
                        });
                    }
                    catch (SocketException)
                    {
                        // Refused or reset: the server defending itself is not an error of the run.
                    }
                }
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private static async Task SlowLorisAsync(Socket socket, SoakStats stats, CancellationToken stop)
    {
        var frame = new byte[] { 0x00, 0x01, 0x00, 0x10, 0x00, 0x01, 0x00, 0xFF };
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(stop);
        giveUp.CancelAfter(GiveUp);
        var closed = WaitForCloseAsync(socket, giveUp.Token);
        for (var i = 0; !closed.IsCompleted && !giveUp.IsCancellationRequested; i++)
        {
            try
            {
                await socket.SendAsync(new[] { i < frame.Length ? frame[i] : (byte)0x42 }, giveUp.Token);
                await Task.WhenAny(closed, Task.Delay(TimeSpan.FromSeconds(1), giveUp.Token));
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                break;
            }
        }
        if (await closed)
        {
            Interlocked.Increment(ref stats.ClosedByServer);
        }
    }

    private static async Task GarbageAsync(Socket socket, SoakStats stats, CancellationToken stop)
    {
        var garbage = new byte[64];
        Random.Shared.NextBytes(garbage);
        garbage[0] = 0x00; // a wrong wrapper version (not 0x0001) at the least
        garbage[1] = 0x07;
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(stop);
        giveUp.CancelAfter(GiveUp);
        await socket.SendAsync(garbage, giveUp.Token);
        if (await WaitForCloseAsync(socket, giveUp.Token))
        {
            Interlocked.Increment(ref stats.ClosedByServer);
        }
    }

    private static async Task ResetMidBlockAsync(Socket socket, SoakStats stats, CancellationToken stop)
    {
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(stop);
        giveUp.CancelAfter(GiveUp);
        await SendAsync(socket, Aarq, giveUp.Token);
        await ReceiveAsync(socket, giveUp.Token);
        await SendAsync(socket, GetProfile, giveUp.Token);
        var first = await ReceiveAsync(socket, giveUp.Token);
        if (first.Length >= 2 && first[0] == (byte)ApduTag.GetResponse && first[1] == 0x02)
        {
            socket.LingerState = new LingerOption(true, 0); // close with RST, in the middle of the transfer
            socket.Close();
            Interlocked.Increment(ref stats.ResetsMidBlock);
        }
    }

    private static async Task SendAsync(Socket socket, byte[] apdu, CancellationToken token)
    {
        var frame = new byte[WrapperHeader.Size + apdu.Length];
        WrapperFrame.Encode(frame, 16, 1, apdu);
        await socket.SendAsync(frame, token);
    }

    private static async Task<byte[]> ReceiveAsync(Socket socket, CancellationToken token)
    {
        var header = new byte[WrapperHeader.Size];
        await ReadExactlyAsync(socket, header, token);
        var apdu = new byte[WrapperHeader.Read(header).Length];
        await ReadExactlyAsync(socket, apdu, token);
        return apdu;
    }

    private static async Task ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken token)
    {
        while (!buffer.IsEmpty)
        {
            var read = await socket.ReceiveAsync(buffer, token);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }
            buffer = buffer[read..];
        }
    }

    // True when the server closed (or reset) the connection, false when we gave up first.
    private static async Task<bool> WaitForCloseAsync(Socket socket, CancellationToken token)
    {
        var sink = new byte[256];
        try
        {
            while (await socket.ReceiveAsync(sink, token) > 0)
            {
            }
            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
