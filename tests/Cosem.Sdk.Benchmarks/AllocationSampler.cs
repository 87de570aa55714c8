using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// Counts the runtime's allocation samples (GC AllocationTick: one event per ~100 KB allocated, naming the type that
/// crossed the mark) by type, so a probe can say what its allocations are made of without a profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, int> _samples = new();
    private volatile bool _recording;

    public void Start() => _recording = true;

    /// <summary>Forgets the samples counted so far.</summary>
    public void Clear() => _samples.Clear();

    public IEnumerable<KeyValuePair<string, int>> Stop()
    {
        _recording = false;
        return _samples.OrderByDescending(pair => pair.Value).Take(25);
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal))
        {
            return;
        }
        var index = eventData.PayloadNames?.IndexOf("TypeName") ?? -1;
        if (index >= 0 && eventData.Payload?[index] is string type)
        {
            // Arrays by size too (AllocationTick v3+ names the size of the object that crossed the mark): the size
            // usually tells which buffer it is.
            var sizeIndex = eventData.PayloadNames?.IndexOf("ObjectSize") ?? -1;
            if (type.EndsWith("[]", StringComparison.Ordinal) && sizeIndex >= 0 && eventData.Payload?[sizeIndex] is ulong size)
            {
                type = $"{type} of {size} B";
            }
            _samples.AddOrUpdate(type, 1, static (_, count) => count + 1);
        }
    }
}
