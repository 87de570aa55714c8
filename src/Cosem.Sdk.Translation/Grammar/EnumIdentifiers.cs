using System.Globalization;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// The ASN.1 identifier (<see cref="AsnIdentifier"/>) of every member of <typeparamref name="TEnum"/>, keyed by the
/// member's numeric value in ascending order; computed once per enum type.
/// </summary>
internal static class EnumIdentifiers<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Value → identifier for every member, in ascending value order.</summary>
    public static IReadOnlyList<KeyValuePair<long, string>> ByValue { get; } =
    [
        .. Enum.GetValues<TEnum>().Select(member => KeyValuePair.Create(ValueOf(member), AsnIdentifier.FromMemberName(member.ToString()))),
    ];

    /// <summary>The numeric value of <paramref name="member"/>, whatever the enum's underlying type.</summary>
    public static long ValueOf(TEnum member) => Convert.ToInt64(member, CultureInfo.InvariantCulture);
}
