using System.Diagnostics;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;

namespace Cosem.Sdk.Soak;

/// <summary>One association held for the whole run, reading the energy register every interval (phase spread).</summary>
public static class WellBehavedPeer
{
    private static readonly CosemAttributeDescriptor Energy = new(3, SoakMeter.EnergyName, 2);

    /// <summary>Connects; returns null (counted as an error) when the association cannot be made.</summary>
    public static async Task<CosemClient?> ConnectAsync(int port, SoakStats stats, CancellationToken stop)
    {
        try
        {
            var client = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", port), new AssociationOptions { ClientAddress = 16 }, stop);
            Interlocked.Increment(ref stats.Associated);
            return client;
        }
        catch (Exception ex) when (ex is CosemException or IOException or System.Net.Sockets.SocketException)
        {
            Interlocked.Increment(ref stats.Errors);
            return null;
        }
    }

    /// <summary>Reads every <paramref name="interval"/> until <paramref name="stop"/>; reconnects after a failure.</summary>
    public static async Task RunAsync(CosemClient? client, int port, TimeSpan interval, SoakStats stats, CancellationToken stop)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * interval.TotalMilliseconds), stop);
            using var timer = new PeriodicTimer(interval);
            do
            {
                client ??= await ConnectAsync(port, stats, stop);
                if (client is null)
                {
                    continue;
                }
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await client.GetAsync(Energy, static (ref AxdrReader r) => r.ReadUInt32(), stop);
                    stats.Read(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception ex) when (!stop.IsCancellationRequested && ex is CosemException or IOException or OperationCanceledException or ObjectDisposedException)
                {
                    Interlocked.Increment(ref stats.Errors);
                    Interlocked.Decrement(ref stats.Associated);
                    await client.DisposeAsync();
                    client = null;
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
        finally
        {
            if (client is not null)
            {
                Interlocked.Decrement(ref stats.Associated);
                await client.DisposeAsync();
            }
        }
    }
}
