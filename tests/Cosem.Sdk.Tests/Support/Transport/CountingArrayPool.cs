using System.Buffers;
using System.Runtime.CompilerServices;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>
/// An array pool that never reuses arrays and remembers which ones are out, so a test can assert that every rented
/// buffer came back exactly once. Returned arrays are overwritten with 0xDD, so a late writer would corrupt data
/// visibly instead of silently.
/// </summary>
internal sealed class CountingArrayPool : ArrayPool<byte>
{
    private readonly HashSet<byte[]> _outstanding = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _errors = [];
    private int _rented;
    private int _returned;

    public int Rented => Volatile.Read(ref _rented);

    public int Returned => Volatile.Read(ref _returned);

    public int Outstanding
    {
        get
        {
            lock (_outstanding)
            {
                return _outstanding.Count;
            }
        }
    }

    /// <summary>Double returns and returns of arrays this pool never handed out.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_outstanding)
            {
                return [.. _errors];
            }
        }
    }

    public override byte[] Rent(int minimumLength)
    {
        var array = new byte[Math.Max(minimumLength, 16)];
        lock (_outstanding)
        {
            _outstanding.Add(array);
        }
        Interlocked.Increment(ref _rented);
        return array;
    }

    public override void Return(byte[] array, bool clearArray = false)
    {
        lock (_outstanding)
        {
            if (!_outstanding.Remove(array))
            {
                _errors.Add($"an array of {array.Length} bytes (#{RuntimeHelpers.GetHashCode(array)}) returned twice or never rented");
                return;
            }
        }
        Array.Fill(array, (byte)0xDD);
        Interlocked.Increment(ref _returned);
    }
}
