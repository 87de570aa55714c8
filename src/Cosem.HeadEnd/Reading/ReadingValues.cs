using System.Globalization;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Objects;

namespace Cosem.HeadEnd.Reading;

/// <summary>How a read value becomes the text a store keeps: numbers invariant and exact, strings as text, other
/// values in the SDK's readable form.</summary>
internal static class ReadingValues
{
    public static string Text(CosemData value) => value.Type switch
    {
        DataType.VisibleString or DataType.Utf8String => value.AsString(),
        DataType.OctetString => Convert.ToHexString(value.AsBytes().Span),
        DataType.Boolean => value.AsBoolean() ? "true" : "false",
        _ when IsNumber(value.Type) => Scaled(value, new ScalerUnit(0, Unit.Count)).Value,
        _ => value.ToString(),
    };

    public static (string Value, string? Unit) Scaled(CosemData value, ScalerUnit scalerUnit)
    {
        if (!IsNumber(value.Type))
        {
            return (Text(value), null);
        }
        var quantity = Quantity.From(value, scalerUnit);
        var text = quantity.IsExact
            ? quantity.Value.ToString(CultureInfo.InvariantCulture)
            : quantity.ToDouble().ToString("R", CultureInfo.InvariantCulture);
        return (text, scalerUnit.Unit.ToString());
    }

    private static bool IsNumber(DataType type) => type is DataType.Integer or DataType.Long or DataType.DoubleLong
        or DataType.Long64 or DataType.Unsigned or DataType.LongUnsigned or DataType.DoubleLongUnsigned
        or DataType.Long64Unsigned or DataType.Float32 or DataType.Float64 or DataType.Enum;
}
