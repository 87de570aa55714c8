using System.Buffers.Binary;

namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// The HDLC parameters negotiated by SNRM/UA (IEC 62056-46 §6.4.4.4.3.2; Green Book "HDLC parameter negotiation"):
/// maximum information field length and window size, each for transmit and receive, as seen by the sender of the
/// frame carrying them. Defaults when absent: 128 bytes and a window of 1.
/// </summary>
public readonly record struct HdlcParameters(int MaxInfoFieldLengthTransmit, int MaxInfoFieldLengthReceive,
    int WindowSizeTransmit, int WindowSizeReceive)
{
    /// <summary>The defaults of IEC 62056-46 §6.4.4.4.3.2.</summary>
    public static HdlcParameters Default { get; } = new(128, 128, 1, 1);

    /// <summary>Smallest maximum information field length that makes sense (an LLC header plus data).</summary>
    public const int MinInfoFieldLength = 16;

    /// <summary>Largest information field length that fits a frame with 4-byte addresses.</summary>
    public const int MaxInfoFieldLength = 2030;

    private const byte FormatIdentifier = 0x81;
    private const byte GroupIdentifier = 0x80;
    private const byte MaxInfoTransmitId = 0x05;
    private const byte MaxInfoReceiveId = 0x06;
    private const byte WindowTransmitId = 0x07;
    private const byte WindowReceiveId = 0x08;

    /// <summary>The same parameters as the peer sees them (transmit and receive swapped).</summary>
    public HdlcParameters Mirror() =>
        new(MaxInfoFieldLengthReceive, MaxInfoFieldLengthTransmit, WindowSizeReceive, WindowSizeTransmit);

    /// <summary>Throws when a value is outside what the standard allows (lengths 16..2030, windows 1..7).</summary>
    public void Validate()
    {
        ValidateLength(MaxInfoFieldLengthTransmit, nameof(MaxInfoFieldLengthTransmit));
        ValidateLength(MaxInfoFieldLengthReceive, nameof(MaxInfoFieldLengthReceive));
        ValidateWindow(WindowSizeTransmit, nameof(WindowSizeTransmit));
        ValidateWindow(WindowSizeReceive, nameof(WindowSizeReceive));
    }

    /// <summary>Bytes <see cref="Encode"/> writes.</summary>
    public int EncodedLength => 3 + 2 + LengthBytes(MaxInfoFieldLengthTransmit) + 2 + LengthBytes(MaxInfoFieldLengthReceive) + 6 + 6;

    /// <summary>
    /// Writes the information field: 81 80 len, then 05/06 with 1 or 2 value bytes, 07/08 with 4 value bytes, as in
    /// the Green Book example. Returns the bytes written.
    /// </summary>
    public int Encode(Span<byte> destination)
    {
        destination[0] = FormatIdentifier;
        destination[1] = GroupIdentifier;
        var at = 3;
        at += WriteParameter(destination[at..], MaxInfoTransmitId, MaxInfoFieldLengthTransmit, LengthBytes(MaxInfoFieldLengthTransmit));
        at += WriteParameter(destination[at..], MaxInfoReceiveId, MaxInfoFieldLengthReceive, LengthBytes(MaxInfoFieldLengthReceive));
        at += WriteParameter(destination[at..], WindowTransmitId, WindowSizeTransmit, 4);
        at += WriteParameter(destination[at..], WindowReceiveId, WindowSizeReceive, 4);
        destination[2] = (byte)(at - 3);
        return at;
    }

    /// <summary>
    /// Reads a negotiation field liberally: values of 1 to 4 bytes, parameters in any order, unknown ones skipped,
    /// missing ones at their defaults, an empty field meaning all defaults. Fails only for a field whose structure
    /// is broken (wrong identifiers, lengths overrunning it).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> information, out HdlcParameters parameters)
    {
        parameters = Default;
        if (information.IsEmpty)
        {
            return true;
        }
        if (information.Length < 3 || information[0] != FormatIdentifier || information[1] != GroupIdentifier)
        {
            return false;
        }
        var group = information[3..];
        if (information[2] > group.Length)
        {
            return false;
        }
        group = group[..information[2]];
        return TryParseGroup(group, out parameters);
    }

    /// <summary>
    /// Like <see cref="TryParse"/>, but a group length that does not match the bytes after it (too long, or too
    /// short so parameters seem to trail the group) is replaced by the length present; <paramref name="deviation"/>
    /// then names what was wrong. For peers that miscount the group (seen on installed meters).
    /// </summary>
    public static bool TryParseLenient(ReadOnlySpan<byte> information, out HdlcParameters parameters, out string? deviation)
    {
        deviation = null;
        if (information.Length >= 3 && information[0] == FormatIdentifier && information[1] == GroupIdentifier
            && information[2] != information.Length - 3 && TryParseGroup(information[3..], out parameters))
        {
            deviation = $"parameter group length {information[2]} where {information.Length - 3} bytes follow";
            return true;
        }
        return TryParse(information, out parameters);
    }

    private static bool TryParseGroup(ReadOnlySpan<byte> group, out HdlcParameters parameters)
    {
        parameters = Default;
        var (txLength, rxLength, txWindow, rxWindow) = (Default.MaxInfoFieldLengthTransmit, Default.MaxInfoFieldLengthReceive,
            Default.WindowSizeTransmit, Default.WindowSizeReceive);
        while (!group.IsEmpty)
        {
            if (group.Length < 2 || group[1] > group.Length - 2)
            {
                return false;
            }
            var id = group[0];
            var value = group.Slice(2, group[1]);
            group = group[(2 + value.Length)..];
            if (value.Length is 0 or > 4)
            {
                continue; // not a value this standard defines; skip it
            }
            var number = 0L;
            foreach (var b in value)
            {
                number = (number << 8) | b;
            }
            var clipped = (int)Math.Min(number, int.MaxValue);
            switch (id)
            {
                case MaxInfoTransmitId: txLength = clipped; break;
                case MaxInfoReceiveId: rxLength = clipped; break;
                case WindowTransmitId: txWindow = clipped; break;
                case WindowReceiveId: rxWindow = clipped; break;
            }
        }
        parameters = new HdlcParameters(txLength, rxLength, txWindow, rxWindow);
        return true;
    }

    private static int LengthBytes(int value) => value > 0xFF ? 2 : 1;

    private static int WriteParameter(Span<byte> destination, byte id, int value, int size)
    {
        destination[0] = id;
        destination[1] = (byte)size;
        switch (size)
        {
            case 1: destination[2] = (byte)value; break;
            case 2: BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)value); break;
            default: BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)value); break;
        }
        return 2 + size;
    }

    private static void ValidateLength(int value, string name)
    {
        if (value is < MinInfoFieldLength or > MaxInfoFieldLength)
        {
            throw new ArgumentOutOfRangeException(name, value, $"HDLC information field lengths range from {MinInfoFieldLength} to {MaxInfoFieldLength}.");
        }
    }

    private static void ValidateWindow(int value, string name)
    {
        if (value is < 1 or > 7)
        {
            throw new ArgumentOutOfRangeException(name, value, "HDLC window sizes range from 1 to 7.");
        }
    }
}
