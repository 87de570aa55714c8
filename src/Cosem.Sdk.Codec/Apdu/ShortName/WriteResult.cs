using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// One item of a WriteResponse (IEC 62056-5-3 §9.5, CHOICE { success [0] NULL, data-access-error [1]
/// Data-Access-Result, block-number [2] Unsigned16 }).
/// </summary>
public readonly record struct WriteResult
{
    private WriteResult(WriteResultKind kind, DataAccessResult error, ushort blockNumber)
    {
        Kind = kind;
        Error = error;
        BlockNumber = blockNumber;
    }

    /// <summary>Which Write-Result CHOICE alternative this is.</summary>
    public WriteResultKind Kind { get; }

    /// <summary>For <see cref="WriteResultKind.DataAccessError"/>.</summary>
    public DataAccessResult Error { get; }

    /// <summary>For <see cref="WriteResultKind.BlockNumber"/>: the block acknowledged.</summary>
    public ushort BlockNumber { get; }

    /// <summary>success [0]: the variable was written.</summary>
    public static WriteResult Success => new(WriteResultKind.Success, DataAccessResult.Success, 0);

    /// <summary>data-access-error [1]: why the variable could not be written.</summary>
    public static WriteResult FromError(DataAccessResult error) => new(WriteResultKind.DataAccessError, error, 0);

    /// <summary>block-number [2]: the server received a write data block and asks for the next.</summary>
    public static WriteResult FromBlockNumber(ushort blockNumber) => new(WriteResultKind.BlockNumber, DataAccessResult.Success, blockNumber);

    internal static WriteResult Decode(ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition;
        var kind = (WriteResultKind)reader.ReadRawByte("write-response");
        return kind switch
        {
            WriteResultKind.Success => Success,
            WriteResultKind.DataAccessError => FromError((DataAccessResult)reader.ReadRawByte("data-access-error")),
            WriteResultKind.BlockNumber => FromBlockNumber(reader.ReadRawUInt16("block-number")),
            _ => throw ApduFields.UnknownChoice(at, (byte)kind, "write-response"),
        };
    }

    internal void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Kind);
        if (Kind == WriteResultKind.DataAccessError)
        {
            writer.WriteRawByte((byte)Error);
        }
        else if (Kind == WriteResultKind.BlockNumber)
        {
            writer.WriteRawUInt16(BlockNumber);
        }
    }
}
