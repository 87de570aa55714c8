using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Samples.MeterSimulator.BlueBook;

/// <summary>
/// Plausible, non-default values for every attribute of a generated server object, built from the attribute's C# type:
/// numbers that are not zero, a recent date-time, a register-like OBIS code, the last value of an enum, two elements
/// per array, every field of a structure. The Blue Book profile uses it so each attribute read returns something a
/// test can tell apart from an untouched default.
/// </summary>
public static class SampleValues
{
    private const int MaxDepth = 4;

    /// <summary>Why the sample values need the JIT build: they are found by reflection over the generated classes.</summary>
    public const string ReflectionReason = "Fills every attribute by reflection over the generated classes: needs their public properties and constructors, and arrays made at run time; use the JIT build.";

    /// <summary>Sets every public settable attribute property the generated class of <paramref name="obj"/> declares
    /// (logical_name is left as it is).</summary>
    [RequiresUnreferencedCode(SampleValues.ReflectionReason)]
    [RequiresDynamicCode(SampleValues.ReflectionReason)]
    public static void Fill(CosemObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        foreach (var property in obj.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (property.CanWrite && property.SetMethod!.IsPublic && property.GetIndexParameters().Length == 0)
            {
                property.SetValue(obj, For(property.PropertyType, 0));
            }
        }
    }

    /// <summary>A plausible value of <paramref name="type"/> (a type the schema generator uses).</summary>
    [RequiresUnreferencedCode(SampleValues.ReflectionReason)]
    [RequiresDynamicCode(SampleValues.ReflectionReason)]
    public static object? For(Type type, int depth)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsEnum)
        {
            return LastDefined(type);
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return For(underlying, depth);
        }
        if (Scalar(type) is { } scalar)
        {
            return scalar;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var array = Array.CreateInstance(element, depth >= MaxDepth ? 0 : 2);
            for (var i = 0; i < array.Length; i++)
            {
                array.SetValue(For(element, depth + 1), i);
            }
            return array;
        }
        // A generated structure: a positional record; fill its widest constructor.
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new NotSupportedException($"No sample value for {type}.");
        return constructor.Invoke(constructor.GetParameters().Select(p => For(p.ParameterType, depth + 1)).ToArray());
    }

    private static object? Scalar(Type type) => type switch
    {
        _ when type == typeof(bool) => true,
        _ when type == typeof(sbyte) => (sbyte)-3,
        _ when type == typeof(short) => (short)-120,
        _ when type == typeof(int) => 52214,
        _ when type == typeof(long) => -9_876_543_210L,
        _ when type == typeof(byte) => (byte)7,
        _ when type == typeof(ushort) => (ushort)4059,
        _ when type == typeof(uint) => 900u,
        _ when type == typeof(ulong) => 1_234_567_890_123UL,
        _ when type == typeof(float) => 5221.4f,
        _ when type == typeof(double) => 230.1,
        _ when type == typeof(string) => "Cosem.Sdk Blue Book",
        // Eight bytes: also right for the fixed-size octet-strings (system titles).
        _ when type == typeof(ReadOnlyMemory<byte>) => new ReadOnlyMemory<byte>([0x43, 0x53, 0x44, 0x4B, 0x00, 0x00, 0x00, 0x01]),
        _ when type == typeof(ObisCode) => new ObisCode(1, 0, 1, 8, 0, 255),
        _ when type == typeof(CosemDateTime) => CosemDateTime.From(new DateTimeOffset(2026, 12, 5, 8, 30, 15, TimeSpan.FromHours(1))),
        _ when type == typeof(CosemDate) => CosemDate.From(new DateOnly(2026, 12, 24)),
        _ when type == typeof(CosemTime) => CosemTime.From(new TimeOnly(6, 30)),
        _ when type == typeof(CosemData) => CosemData.FromUInt32(52214),
        _ when type == typeof(BitString) => BitString.FromFlags(0b1010_0001, 8),
        _ => null,
    };

    // The last defined value: for an enum the highest meaning, for flags the highest bit.
    [RequiresUnreferencedCode(SampleValues.ReflectionReason)]
    [RequiresDynamicCode(SampleValues.ReflectionReason)]
    private static object LastDefined(Type type)
    {
        var values = Enum.GetValuesAsUnderlyingType(type);
        return values.Length == 0 ? Activator.CreateInstance(type)! : Enum.ToObject(type, values.GetValue(values.Length - 1)!);
    }
}
