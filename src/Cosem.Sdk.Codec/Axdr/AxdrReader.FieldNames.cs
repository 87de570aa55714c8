namespace Cosem.Sdk.Axdr;

public ref partial struct AxdrReader
{
    // Field names for length prefixes, as constants so that reading never allocates a string on the success path.
    internal static string LengthFieldName(DataType type) => type switch
    {
        DataType.Array => "array length",
        DataType.Structure => "structure length",
        DataType.OctetString => "octet-string length",
        DataType.VisibleString => "visible-string length",
        DataType.Utf8String => "utf8-string length",
        DataType.BitString => "bit-string length",
        _ => "length",
    };
}
