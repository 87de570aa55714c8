using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Cosem.Sdk.Generators.Helpers;

/// <summary>
/// An immutable array compared by its elements, so pipeline models that hold collections stay equatable and the
/// incremental driver can cache them (a plain <see cref="ImmutableArray{T}"/> compares by reference).
/// </summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    public static readonly EquatableArray<T> Empty = new(ImmutableArray<T>.Empty);

    private readonly ImmutableArray<T> _array;

    public EquatableArray(ImmutableArray<T> array) => _array = array;

    public EquatableArray(IEnumerable<T> items) => _array = items.ToImmutableArray();

    private ImmutableArray<T> Array => _array.IsDefault ? ImmutableArray<T>.Empty : _array;

    public int Count => Array.Length;

    public bool IsEmpty => Array.IsEmpty;

    public T this[int index] => Array[index];

    public ImmutableArray<T> AsImmutableArray() => Array;

    public bool Equals(EquatableArray<T> other)
    {
        var left = Array;
        var right = other.Array;
        if (left.Length != right.Length)
        {
            return false;
        }
        for (int i = 0; i < left.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(left[i], right[i]))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        int hash = 17;
        foreach (var item in Array)
        {
            hash = unchecked((hash * 31) + (item is null ? 0 : item.GetHashCode()));
        }
        return hash;
    }

    public ImmutableArray<T>.Enumerator GetEnumerator() => Array.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Array).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Array).GetEnumerator();

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
}

internal static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T> => new(items);
}
