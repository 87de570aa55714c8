using System.ComponentModel;
using System.Globalization;

namespace Cosem.Sdk.Transport;

/// <summary>
/// Lets configuration binding and designers turn a string (<c>"16"</c>, <c>"0x10"</c>) or an integer into a
/// <see cref="CosemAddress"/>.
/// </summary>
public sealed class CosemAddressConverter : TypeConverter
{
    /// <summary>True for strings and the integer types an address may come from.</summary>
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || sourceType == typeof(int) || sourceType == typeof(ushort) || base.CanConvertFrom(context, sourceType);

    /// <summary>Parses a string with <see cref="CosemAddress.Parse"/>, range-checks an integer.</summary>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) => value switch
    {
        string text => CosemAddress.Parse(text, CultureInfo.InvariantCulture),
        int number => CosemAddress.FromInt32(number),
        ushort number => new CosemAddress(number),
        _ => base.ConvertFrom(context, culture, value),
    };

    /// <summary>Writes the decimal value for a string destination.</summary>
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is CosemAddress address
            ? address.ToString()
            : base.ConvertTo(context, culture, value, destinationType);
}
