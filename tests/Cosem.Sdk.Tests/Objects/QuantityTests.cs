using Cosem.Sdk.Axdr;
using Cosem.Sdk.Objects;

namespace Cosem.Sdk.Tests.Objects;

/// <summary>
/// Register values scaled by their scaler_unit stay exact (decimal) and print the way a person writes them; only
/// values no decimal can hold become doubles, and the conversion to double is explicit.
/// </summary>
public class QuantityTests
{
    [Theory]
    [InlineData(52214, -1, "5221.4 Wh")]
    [InlineData(12345678, -3, "12345.678 Wh")]
    [InlineData(1, -9, "0.000000001 Wh")]
    [InlineData(-7, 2, "-700 Wh")]
    [InlineData(0, 5, "0 Wh")]
    public void Integer_values_scale_exactly(long raw, sbyte scaler, string expected)
    {
        var quantity = Quantity.From(CosemData.FromInt64(raw), new ScalerUnit(scaler, Unit.WattHour));
        Assert.True(quantity.IsExact);
        Assert.Equal(expected, quantity.ToString());
    }

    [Fact]
    public void A_decimal_never_shows_the_binary_expansion_a_double_would()
    {
        var quantity = Quantity.From(CosemData.FromUInt32(52214), new ScalerUnit(-1, Unit.Volt));
        Assert.Equal(5221.4m, quantity.Value);
        Assert.Equal("5221.4 V", quantity.ToString());
        // What the double arithmetic this replaces produces: not the value the meter meant.
        Assert.NotEqual("5221.4", (52214 * Math.Pow(10, -1)).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Float32_values_keep_the_digits_of_their_precision()
    {
        var quantity = Quantity.From(CosemData.FromFloat32(5221.4f), new ScalerUnit(0, Unit.Watt));
        Assert.Equal(5221.4m, quantity.Value);
        Assert.Equal("5221.4 W", quantity.ToString());
        Assert.EndsWith(" 5221.4", CosemData.FromFloat32(5221.4f).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Float64_values_scale_exactly_too()
    {
        var quantity = Quantity.From(CosemData.FromFloat64(230.1), new ScalerUnit(-2, Unit.Volt));
        Assert.Equal(2.301m, quantity.Value);
    }

    [Fact]
    public void Values_beyond_a_decimal_are_kept_as_doubles_and_say_so()
    {
        var huge = Quantity.From(CosemData.FromUInt64(ulong.MaxValue), new ScalerUnit(20, Unit.WattHour));
        Assert.False(huge.IsExact);
        Assert.Equal(ulong.MaxValue * 1e20, (double)huge, 1e25);
        Assert.Throws<InvalidOperationException>(() => huge.Value);

        var notANumber = Quantity.From(CosemData.FromFloat64(double.NaN), new ScalerUnit(0, Unit.Watt));
        Assert.False(notANumber.IsExact);
        Assert.True(double.IsNaN(notANumber.ToDouble()));
    }

    [Fact]
    public void Conversion_to_double_is_explicit_and_nearest()
    {
        var quantity = new Quantity(12_345.678m, Unit.WattHour);
        double value = (double)quantity;
        Assert.Equal(12_345.678, value);
        Assert.Equal(quantity.ToDouble(), value);
    }

    [Fact]
    public void Integer_overload_matches_the_data_overload()
    {
        var scale = new ScalerUnit(-3, Unit.CubicMetre);
        Assert.Equal(Quantity.From(CosemData.FromUInt32(123_456), scale), Quantity.From(123_456, scale));
        Assert.Equal("123.456 m³", Quantity.From(123_456, scale).ToString());
    }
}
