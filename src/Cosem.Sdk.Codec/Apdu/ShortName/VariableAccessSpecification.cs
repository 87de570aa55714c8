using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// One variable of an SN service (IEC 62056-5-3 §9.5, Variable-Access-Specification ::= CHOICE
/// { variable-name [2] ObjectName, parameterized-access [4] { variable-name, selector Unsigned8, parameter Data },
/// block-number-access [5] { block-number Unsigned16 }, read-data-block-access [6] { last-block BOOLEAN,
/// block-number Unsigned16, raw-data OCTET STRING }, write-data-block-access [7] { last-block BOOLEAN,
/// block-number Unsigned16 } }).
/// </summary>
public readonly struct VariableAccessSpecification : IEquatable<VariableAccessSpecification>
{
    // The shortest alternative is a choice byte and two bytes.
    internal const int MinimumEncodedLength = 3;

    private VariableAccessSpecification(
        VariableAccessKind kind, ushort variableName, byte selector, ReadOnlyMemory<byte> parameter,
        bool lastBlock, ushort blockNumber, ReadOnlyMemory<byte> rawData)
    {
        Kind = kind;
        VariableName = variableName;
        Selector = selector;
        Parameter = parameter;
        LastBlock = lastBlock;
        BlockNumber = blockNumber;
        RawData = rawData;
    }

    /// <summary>
    /// Which Variable-Access-Specification CHOICE alternative this is, and so which properties are meaningful.
    /// </summary>
    public VariableAccessKind Kind { get; }

    /// <summary>The short name (base name plus attribute/method offset), for variable-name and parameterized-access.</summary>
    public ushort VariableName { get; }

    /// <summary>For parameterized-access.</summary>
    public byte Selector { get; }

    /// <summary>For parameterized-access: one encoded Data value.</summary>
    public ReadOnlyMemory<byte> Parameter { get; }

    /// <summary>For read- and write-data-block-access.</summary>
    public bool LastBlock { get; }

    /// <summary>For block-number-, read-data-block- and write-data-block-access.</summary>
    public ushort BlockNumber { get; }

    /// <summary>For read-data-block-access.</summary>
    public ReadOnlyMemory<byte> RawData { get; }

    /// <summary>variable-name [2]: the short name (Integer16 on the wire) of the attribute or method.</summary>
    public static VariableAccessSpecification ByName(ushort variableName) =>
        new(VariableAccessKind.VariableName, variableName, 0, default, false, 0, default);

    /// <summary>
    /// parameterized-access [4]: the short name with a selector (Unsigned8) and an encoded Data parameter.
    /// </summary>
    public static VariableAccessSpecification Parameterized(ushort variableName, byte selector, ReadOnlyMemory<byte> parameter) =>
        new(VariableAccessKind.ParameterizedAccess, variableName, selector, parameter, false, 0, default);

    /// <summary>block-number-access [5]: the number of the block of a long read result being acknowledged.</summary>
    public static VariableAccessSpecification BlockNumberAccess(ushort blockNumber) =>
        new(VariableAccessKind.BlockNumberAccess, 0, 0, default, false, blockNumber, default);

    /// <summary>
    /// read-data-block-access [6]: one block of a long read parameter, with last-block and block-number.
    /// </summary>
    public static VariableAccessSpecification ReadDataBlockAccess(bool lastBlock, ushort blockNumber, ReadOnlyMemory<byte> rawData) =>
        new(VariableAccessKind.ReadDataBlockAccess, 0, 0, default, lastBlock, blockNumber, rawData);

    /// <summary>
    /// write-data-block-access [7]: announces block <paramref name="blockNumber"/> of a long write value; the data
    /// travel in the list-of-data.
    /// </summary>
    public static VariableAccessSpecification WriteDataBlockAccess(bool lastBlock, ushort blockNumber) =>
        new(VariableAccessKind.WriteDataBlockAccess, 0, 0, default, lastBlock, blockNumber, default);

    internal static VariableAccessSpecification Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition;
        var kind = (VariableAccessKind)reader.ReadRawByte("variable-access-specification");
        switch (kind)
        {
            case VariableAccessKind.VariableName:
                return ByName(reader.ReadRawUInt16("variable-name"));
            case VariableAccessKind.ParameterizedAccess:
                ushort name = reader.ReadRawUInt16("variable-name");
                byte selector = reader.ReadRawByte("selector");
                return Parameterized(name, selector, ApduFields.ReadData(source, ref reader));
            case VariableAccessKind.BlockNumberAccess:
                return BlockNumberAccess(reader.ReadRawUInt16("block-number"));
            case VariableAccessKind.ReadDataBlockAccess:
                bool last = ApduFields.ReadBoolean(ref reader, "last-block");
                ushort number = reader.ReadRawUInt16("block-number");
                return ReadDataBlockAccess(last, number, ApduFields.ReadOctetString(source, ref reader, "raw-data"));
            case VariableAccessKind.WriteDataBlockAccess:
                bool lastWrite = ApduFields.ReadBoolean(ref reader, "last-block");
                return WriteDataBlockAccess(lastWrite, reader.ReadRawUInt16("block-number"));
            default:
                throw ApduFields.UnknownChoice(at, (byte)kind, "variable-access-specification");
        }
    }

    internal void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Kind);
        switch (Kind)
        {
            case VariableAccessKind.VariableName:
                writer.WriteRawUInt16(VariableName);
                break;
            case VariableAccessKind.ParameterizedAccess:
                writer.WriteRawUInt16(VariableName);
                writer.WriteRawByte(Selector);
                writer.WriteEncoded(Parameter.Span);
                break;
            case VariableAccessKind.BlockNumberAccess:
                writer.WriteRawUInt16(BlockNumber);
                break;
            case VariableAccessKind.ReadDataBlockAccess:
                ApduFields.WriteBoolean(ref writer, LastBlock);
                writer.WriteRawUInt16(BlockNumber);
                ApduFields.WriteOctetString(ref writer, RawData.Span);
                break;
            default:
                ApduFields.WriteBoolean(ref writer, LastBlock);
                writer.WriteRawUInt16(BlockNumber);
                break;
        }
    }

    internal static VariableAccessSpecification[] DecodeList(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int count = ApduFields.ReadCount(ref reader, "variable-access-specification", MinimumEncodedLength);
        var list = new VariableAccessSpecification[count];
        for (int i = 0; i < count; i++)
        {
            list[i] = Decode(source, ref reader);
        }
        return list;
    }

    internal static void EncodeList(ref AxdrWriter writer, IReadOnlyList<VariableAccessSpecification> list)
    {
        writer.WriteLength(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            list[i].Encode(ref writer);
        }
    }

    /// <summary>Compares the alternative and the fields meaningful to it.</summary>
    public bool Equals(VariableAccessSpecification other) =>
        Kind == other.Kind && VariableName == other.VariableName && Selector == other.Selector &&
        LastBlock == other.LastBlock && BlockNumber == other.BlockNumber &&
        Parameter.Span.SequenceEqual(other.Parameter.Span) && RawData.Span.SequenceEqual(other.RawData.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VariableAccessSpecification other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, VariableName, Selector, LastBlock, BlockNumber);

    /// <summary>True when both specifications are equal by <see cref="Equals(VariableAccessSpecification)"/>.</summary>
    public static bool operator ==(VariableAccessSpecification left, VariableAccessSpecification right) => left.Equals(right);

    /// <summary>True when the specifications differ by <see cref="Equals(VariableAccessSpecification)"/>.</summary>
    public static bool operator !=(VariableAccessSpecification left, VariableAccessSpecification right) => !left.Equals(right);
}
