using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Sdk.Transport;

/// <summary>
/// A DLMS/COSEM service access point address (IEC 62056-5-3 §4.7, DLMS UA 1000-2 §10.3): the client SAP
/// (16 the public client, 1 the management client) or the server SAP, i.e. a logical device (1 the management
/// logical device). Both are 16-bit values carried the same way by every supporting layer — the wrapper's wPorts,
/// the HDLC client address and the server's upper HDLC address — which is why one type serves both roles.
/// </summary>
/// <remarks>
/// An integer constant converts implicitly (<c>ClientAddress = 16</c>); an <see cref="int"/> variable converts
/// explicitly and is range-checked. Configuration binds it from a decimal string (or <c>0x</c> hexadecimal).
/// The HDLC limits (7 bits for a client, 14 for a server) are checked where the address becomes an
/// <see cref="HdlcAddress"/>.
/// </remarks>
[TypeConverter(typeof(CosemAddressConverter))]
public readonly record struct CosemAddress : IComparable<CosemAddress>, ISpanFormattable, IParsable<CosemAddress>
{
    /// <summary>Address 0: no station. Never a valid client or logical device.</summary>
    public static readonly CosemAddress NoStation = new(0);

    /// <summary>Client SAP 1: the management client, usually granted more rights and stronger authentication.</summary>
    public static readonly CosemAddress ManagementClient = new(1);

    /// <summary>Client SAP 16: the public client every meter admits without authentication.</summary>
    public static readonly CosemAddress PublicClient = new(16);

    /// <summary>Server SAP 1: the management logical device every meter has (Blue Book §4.1.8.2).</summary>
    public static readonly CosemAddress ManagementLogicalDevice = new(1);

    /// <summary>Wraps <paramref name="value"/>, the SAP as carried in a wrapper wPort or an HDLC address.</summary>
    public CosemAddress(ushort value) => Value = value;

    /// <summary>The 16-bit SAP value (a wrapper wPort; an HDLC address part).</summary>
    public ushort Value { get; }

    /// <summary>Any address from 0 to 65535; an integer constant converts without a cast.</summary>
    public static implicit operator CosemAddress(ushort value) => new(value);

    /// <summary>A range-checked conversion from an <see cref="int"/> (0..65535).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> does not fit 16 bits.</exception>
    public static explicit operator CosemAddress(int value) => FromInt32(value);

    /// <summary>The 16-bit SAP value.</summary>
    public static explicit operator ushort(CosemAddress address) => address.Value;

    /// <summary>A range-checked conversion from an <see cref="int"/> (0..65535).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> does not fit 16 bits.</exception>
    public static CosemAddress FromInt32(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, ushort.MaxValue);
        return new CosemAddress((ushort)value);
    }

    /// <summary>This address as a one-byte HDLC client address (0..127).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The address does not fit 7 bits.</exception>
    public HdlcAddress ToHdlcClient() => HdlcAddress.Client(Value);

    /// <summary>
    /// This address as an HDLC server address: the logical device alone (one byte) when
    /// <paramref name="physicalDevice"/> is null, else upper = this address, lower = <paramref name="physicalDevice"/>
    /// in <paramref name="size"/> bytes (2 or 4; 0 picks the shortest that fits).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A part does not fit the chosen address size.</exception>
    public HdlcAddress ToHdlcServer(int? physicalDevice = null, int size = 0) =>
        physicalDevice is { } physical ? HdlcAddress.Server(Value, physical, size) : HdlcAddress.Server(Value);

    /// <inheritdoc/>
    public int CompareTo(CosemAddress other) => Value.CompareTo(other.Value);

    /// <summary>The decimal value, e.g. <c>16</c>.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The value formatted with <paramref name="format"/> (e.g. <c>X4</c>).</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <summary>Formats the value without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format, provider);

    /// <summary>Parses a decimal (<c>16</c>) or <c>0x</c>-prefixed hexadecimal (<c>0x10</c>) address.</summary>
    /// <exception cref="FormatException"><paramref name="s"/> is not an address from 0 to 65535.</exception>
    public static CosemAddress Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var address) ? address : throw new FormatException($"'{s}' is not a COSEM address (0..65535, decimal or 0x hexadecimal).");

    /// <summary>Parses a decimal or <c>0x</c>-prefixed hexadecimal address; false when it is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CosemAddress result)
    {
        result = default;
        if (s is null)
        {
            return false;
        }
        var text = s.AsSpan().Trim();
        var parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ushort.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (parsed)
        {
            result = new CosemAddress(value);
        }
        return parsed;
    }
}
