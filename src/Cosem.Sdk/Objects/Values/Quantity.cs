using System.Globalization;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// A register value with its scaler and unit applied (Blue Book §4.3.2: value × 10^scaler, in unit), held exactly as a
/// <see cref="decimal"/> whenever one can hold it: 52214 with scaler −1 is 5221.4, never 5221.40000000000005, and
/// 12345678 with scaler −3 and unit Wh is 12345.678 Wh. A float value keeps the digits its own precision gives it
/// (a float32 5221.4 is 5221.4, not 5221.39990234375). Only values no decimal can hold (beyond ±7.9·10^28, NaN,
/// infinities) are kept as a <see cref="double"/>; <see cref="IsExact"/> tells which. Conversion to double is
/// explicit.
/// </summary>
public readonly record struct Quantity
{
    private readonly decimal _value;
    private readonly double _approximation;

    /// <summary>An exact quantity.</summary>
    public Quantity(decimal value, Unit unit)
    {
        _value = value;
        Unit = unit;
        IsExact = true;
    }

    private Quantity(double approximation, Unit unit)
    {
        _approximation = approximation;
        Unit = unit;
    }

    /// <summary>The value, exact. Throws <see cref="InvalidOperationException"/> when <see cref="IsExact"/> is false
    /// (a value no decimal can hold): use <see cref="ToDouble"/> then.</summary>
    public decimal Value => IsExact
        ? _value
        : throw new InvalidOperationException($"{ToString()} does not fit a decimal; read it with ToDouble().");

    /// <summary>The unit of <see cref="Value"/>.</summary>
    public Unit Unit { get; }

    /// <summary>True when the value is held as a decimal (every integer register value a scaler can produce within
    /// ±7.9·10^28, and every finite float in that range); false for values kept only as a double.</summary>
    public bool IsExact { get; }

    /// <summary>The value as a double (the nearest one to the exact value); an explicit, possibly rounding step.</summary>
    public double ToDouble() => IsExact ? (double)_value : _approximation;

    /// <summary>The value as a double, see <see cref="ToDouble"/>.</summary>
    public static explicit operator double(Quantity quantity) => quantity.ToDouble();

    /// <summary>The value of <paramref name="raw"/> (an integer or float Data) scaled by <paramref name="scalerUnit"/>.</summary>
    public static Quantity From(CosemData raw, ScalerUnit scalerUnit) => raw.Type switch
    {
        // A decimal conversion keeps the digits the float's precision carries (7 for float32, 15 for float64).
        DataType.Float32 => FromFloat((float)raw.AsDouble(), scalerUnit),
        DataType.Float64 => FromDouble(raw.AsDouble(), scalerUnit),
        DataType.Long64Unsigned => Scaled(raw.AsUInt64(), scalerUnit),
        DataType.Integer or DataType.Long or DataType.DoubleLong or DataType.Long64 or DataType.Unsigned or DataType.LongUnsigned
            or DataType.DoubleLongUnsigned or DataType.Enum => Scaled(raw.AsInt64(), scalerUnit),
        _ => throw new CosemEncodingException($"A {raw.Type} value has no numeric quantity.", -1, "value"),
    };

    /// <summary>An integer register value <paramref name="raw"/> scaled by <paramref name="scalerUnit"/>, exact.</summary>
    public static Quantity From(long raw, ScalerUnit scalerUnit) => Scaled(raw, scalerUnit);

    private static Quantity FromFloat(float value, ScalerUnit scalerUnit) =>
        float.IsFinite(value) && Math.Abs(value) < 7.9e28f ? Scaled((decimal)value, scalerUnit) : Approximate(value, scalerUnit);

    private static Quantity FromDouble(double value, ScalerUnit scalerUnit) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e28 ? Scaled((decimal)value, scalerUnit) : Approximate(value, scalerUnit);

    private static Quantity Approximate(double value, ScalerUnit scalerUnit) =>
        new(value * Math.Pow(10, scalerUnit.Scaler), scalerUnit.Unit);

    // Multiplying by a power of ten keeps a decimal exact; a negative scaler only moves the decimal point. A result
    // beyond the decimal range (a large long64 with a large positive scaler) is kept as a double.
    private static Quantity Scaled(decimal value, ScalerUnit scalerUnit)
    {
        decimal raw = value;
        try
        {
            for (var i = 0; i < scalerUnit.Scaler; i++)
            {
                value *= 10m;
            }
            for (var i = 0; i > scalerUnit.Scaler; i--)
            {
                value /= 10m;
            }
            return new Quantity(value, scalerUnit.Unit);
        }
        catch (OverflowException)
        {
            return Approximate((double)raw, scalerUnit);
        }
    }

    /// <summary>The unit's usual symbol (Wh, kvar, V, …), or its name when it has none.</summary>
    public static string Symbol(Unit unit) => unit switch
    {
        Unit.WattHour => "Wh",
        Unit.Watt => "W",
        Unit.VoltAmpere => "VA",
        Unit.VoltAmpereHour => "VAh",
        Unit.Var => "var",
        Unit.VarHour => "varh",
        Unit.Volt => "V",
        Unit.Ampere => "A",
        Unit.Hertz => "Hz",
        Unit.DegreeCelsius => "°C",
        Unit.CubicMetre => "m³",
        Unit.Litre => "l",
        Unit.Second => "s",
        Unit.Minute => "min",
        Unit.Hour => "h",
        _ => unit.ToString(),
    };

    /// <summary>The value with the unit symbol, invariant culture, e.g. "230.5 V"; units without a symbol use the enum
    /// name.</summary>
    public override string ToString() =>
        $"{(IsExact ? _value.ToString(CultureInfo.InvariantCulture) : _approximation.ToString("R", CultureInfo.InvariantCulture))} {Symbol(Unit)}";
}
