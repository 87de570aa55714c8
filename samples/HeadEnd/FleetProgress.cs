using Cosem.HeadEnd.Meters;

namespace Cosem.Samples.HeadEnd;

/// <summary>Where the fleet stands: polled from the meter grains' statuses.</summary>
internal sealed record FleetProgress(int Meters, int Read, int Failed, int Pending, long Reads, long FailedAttempts)
{
    public static async Task<FleetProgress> PollAsync(IGrainFactory grains, IReadOnlyList<string> meterIds, int maxAttempts)
    {
        var statuses = new MeterStatus[meterIds.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, meterIds.Count), new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (i, _) => statuses[i] = await grains.GetGrain<IMeterGrain>(meterIds[i]).GetStatusAsync());
        var read = statuses.Count(s => s.LastSuccess is not null);
        // Failed: no success yet and the cycle's attempts spent (no retry pending).
        var failed = statuses.Count(s => s.LastSuccess is null && s.ConsecutiveFailures >= maxAttempts && s.NextRetry is null);
        return new FleetProgress(meterIds.Count, read, failed, meterIds.Count - read - failed,
            statuses.Sum(s => s.SuccessfulReads), statuses.Sum(s => s.FailedAttempts));
    }
}
