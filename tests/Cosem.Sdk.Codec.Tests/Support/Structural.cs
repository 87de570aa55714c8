using System.Collections;
using System.Reflection;

namespace Cosem.Sdk.Codec.Tests.Support;

/// <summary>
/// Structural equality for the APDU types, which are classes without value equality and hold
/// <see cref="ReadOnlyMemory{T}"/> slices (whose own equality is by reference): public properties are compared
/// recursively, memory by content, lists element by element. Types of the Axdr/Obis namespaces have value
/// equality and are compared with Equals.
/// </summary>
internal static class Structural
{
    public static void AssertEqual(object? expected, object? actual)
    {
        string? difference = Difference(expected, actual, "$", 0);
        if (difference is not null)
        {
            throw new Xunit.Sdk.XunitException($"Structural difference at {difference}");
        }
    }

    private static string? Difference(object? expected, object? actual, string path, int depth)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: {expected ?? "null"} vs {actual ?? "null"}";
        }
        if (depth > 32)
        {
            return $"{path}: too deep";
        }
        var type = expected.GetType();
        if (type != actual.GetType())
        {
            return $"{path}: type {type.Name} vs {actual.GetType().Name}";
        }
        if (expected is ReadOnlyMemory<byte> a && actual is ReadOnlyMemory<byte> b)
        {
            return a.Span.SequenceEqual(b.Span) ? null : $"{path}: {Convert.ToHexString(a.Span)} vs {Convert.ToHexString(b.Span)}";
        }
        if (type.IsPrimitive || type.IsEnum || expected is string || type.Namespace is "Cosem.Sdk.Axdr" or "Cosem.Sdk.Obis")
        {
            return expected.Equals(actual) ? null : $"{path}: {expected} vs {actual}";
        }
        if (expected is IEnumerable left && actual is IEnumerable right)
        {
            var l = left.Cast<object?>().ToList();
            var r = right.Cast<object?>().ToList();
            if (l.Count != r.Count)
            {
                return $"{path}: count {l.Count} vs {r.Count}";
            }
            for (int i = 0; i < l.Count; i++)
            {
                if (Difference(l[i], r[i], $"{path}[{i}]", depth + 1) is { } d)
                {
                    return d;
                }
            }
            return null;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType.IsByRefLike)
            {
                continue;
            }
            if (Difference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}", depth + 1) is { } d)
            {
                return d;
            }
        }
        return null;
    }
}
