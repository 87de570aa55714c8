using System.Globalization;
using System;
using Cosem.Sdk.Generators.Model;

namespace Cosem.Sdk.Generators.Parsing;

/// <summary>Integer literals in schema files (decimal or 0x hex) and the value ranges of the A-XDR integer kinds.</summary>
internal static class SchemaIntegers
{
    /// <summary>Decimal with an optional sign, or hex with a 0x prefix; surrounding white space is ignored.</summary>
    internal static bool TryParse(string text, out long value)
    {
        text = text.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The smallest value of an integer kind; 0 for unsigned and non-integer kinds.</summary>
    internal static long MinOf(AxdrKind kind) => kind switch
    {
        AxdrKind.Integer => sbyte.MinValue,
        AxdrKind.Long => short.MinValue,
        AxdrKind.DoubleLong => int.MinValue,
        AxdrKind.Long64 => long.MinValue,
        _ => 0,
    };

    /// <summary>The largest value of an integer kind, capped at <see cref="long.MaxValue"/> for long64-unsigned; 0 for non-integer kinds.</summary>
    internal static long MaxOf(AxdrKind kind) => kind switch
    {
        AxdrKind.Integer => sbyte.MaxValue,
        AxdrKind.Long => short.MaxValue,
        AxdrKind.DoubleLong => int.MaxValue,
        AxdrKind.Long64 or AxdrKind.Long64Unsigned => long.MaxValue,
        AxdrKind.Unsigned or AxdrKind.Enum => byte.MaxValue,
        AxdrKind.LongUnsigned => ushort.MaxValue,
        AxdrKind.DoubleLongUnsigned => uint.MaxValue,
        _ => 0,
    };

    /// <summary>Whether <paramref name="value"/> is in range of <paramref name="kind"/>.</summary>
    internal static bool Fits(long value, AxdrKind kind) => value >= MinOf(kind) && value <= MaxOf(kind);
}
