using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// The result of one method and what it returned (IEC 62056-5-3 §9.5, Action-Response-With-Optional-Data ::=
/// SEQUENCE { result Action-Result, return-parameters Get-Data-Result OPTIONAL }).
/// </summary>
public readonly record struct ActionResponseWithOptionalData(ActionResult Result, GetDataResult? ReturnParameters = null)
{
    // A result byte and the presence flag.
    private const int MinimumEncodedLength = 2;

    internal static ActionResponseWithOptionalData Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var result = (ActionResult)reader.ReadRawByte("action-result");
        GetDataResult? returned = reader.ReadOptionalFlag("return-parameters")
            ? GetDataResult.Decode(source, ref reader)
            : null;
        return new ActionResponseWithOptionalData(result, returned);
    }

    internal void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Result);
        writer.WriteOptionalFlag(ReturnParameters.HasValue);
        ReturnParameters?.Encode(ref writer);
    }

    internal static ActionResponseWithOptionalData[] DecodeList(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int count = ApduFields.ReadCount(ref reader, "list-of-responses", MinimumEncodedLength);
        var list = new ActionResponseWithOptionalData[count];
        for (int i = 0; i < count; i++)
        {
            list[i] = Decode(source, ref reader);
        }
        return list;
    }

    internal static void EncodeList(ref AxdrWriter writer, IReadOnlyList<ActionResponseWithOptionalData> list)
    {
        writer.WriteLength(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            list[i].Encode(ref writer);
        }
    }
}
