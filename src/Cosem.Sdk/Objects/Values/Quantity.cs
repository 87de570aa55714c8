using System.Globalization;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// A register value with its scaler and unit applied (Blue Book §4.3.2: value × 10^scaler, in unit): exact for
/// integer values (a <see cref="decimal"/>), e.g. 12345678 with scaler −3 and unit Wh is 12345.678 Wh.
/// </summary>
public readonly record struct Quantity(decimal Value, Unit Unit)
{
    /// <summary>The value of <paramref name="raw"/> (an integer or float Data) scaled by <paramref name="scalerUnit"/>.</summary>
    public static Quantity From(CosemData raw, ScalerUnit scalerUnit)
    {
        decimal value = raw.Type switch
        {
            DataType.Float32 or DataType.Float64 => (decimal)raw.AsDouble(),
            DataType.Long64Unsigned => raw.AsUInt64(),
            DataType.Integer or DataType.Long or DataType.DoubleLong or DataType.Long64 or DataType.Unsigned or DataType.LongUnsigned
                or DataType.DoubleLongUnsigned or DataType.Enum => raw.AsInt64(),
            _ => throw new CosemEncodingException($"A {raw.Type} value has no numeric quantity.", -1, "value"),
        };
        return new Quantity(Scale(value, scalerUnit.Scaler), scalerUnit.Unit);
    }

    // Multiplying by a power of ten keeps a decimal exact; a negative scaler only moves the decimal point.
    private static decimal Scale(decimal value, sbyte scaler)
    {
        for (var i = 0; i < scaler; i++)
        {
            value *= 10m;
        }
        for (var i = 0; i > scaler; i--)
        {
            value /= 10m;
        }
        return value;
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
    public override string ToString() => $"{Value.ToString(CultureInfo.InvariantCulture)} {Symbol(Unit)}";
}
