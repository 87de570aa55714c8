namespace Cosem.Sdk.Axdr;

/// <summary>The tags of the COSEM <c>Data</c> CHOICE (IEC 62056-6-2 §4.1.5, Blue Book "Data").</summary>
public enum DataType : byte
{
    /// <summary>null-data [0]: no value.</summary>
    NullData = 0,
    /// <summary>array [1]: SEQUENCE OF Data, all elements of the same type.</summary>
    Array = 1,
    /// <summary>structure [2]: SEQUENCE OF Data, fields of any type.</summary>
    Structure = 2,
    /// <summary>boolean [3]: one byte, 0 false, non-zero true.</summary>
    Boolean = 3,
    /// <summary>bit-string [4]: A-XDR length in bits, then the bits packed MSB first.</summary>
    BitString = 4,
    /// <summary>double-long [5]: Integer32, 4 bytes big-endian.</summary>
    DoubleLong = 5,
    /// <summary>double-long-unsigned [6]: Unsigned32, 4 bytes big-endian.</summary>
    DoubleLongUnsigned = 6,
    /// <summary>octet-string [9]: A-XDR length, then the bytes (also carries logical names and date-times).</summary>
    OctetString = 9,
    /// <summary>visible-string [10]: A-XDR length, then ASCII characters.</summary>
    VisibleString = 10,
    /// <summary>utf8-string [12]: A-XDR length in bytes, then UTF-8 characters.</summary>
    Utf8String = 12,
    /// <summary>bcd [13]: Integer8 holding binary-coded decimal digits.</summary>
    Bcd = 13,
    /// <summary>integer [15]: Integer8, 1 byte.</summary>
    Integer = 15,
    /// <summary>long [16]: Integer16, 2 bytes big-endian.</summary>
    Long = 16,
    /// <summary>unsigned [17]: Unsigned8, 1 byte.</summary>
    Unsigned = 17,
    /// <summary>long-unsigned [18]: Unsigned16, 2 bytes big-endian.</summary>
    LongUnsigned = 18,
    /// <summary>compact-array [19]: a type description once, then the element contents without tags.</summary>
    CompactArray = 19,
    /// <summary>long64 [20]: Integer64, 8 bytes big-endian.</summary>
    Long64 = 20,
    /// <summary>long64-unsigned [21]: Unsigned64, 8 bytes big-endian.</summary>
    Long64Unsigned = 21,
    /// <summary>enum [22]: Unsigned8 whose meaning the interface class defines.</summary>
    Enum = 22,
    /// <summary>float32 [23]: IEEE 754 single precision, 4 bytes big-endian.</summary>
    Float32 = 23,
    /// <summary>float64 [24]: IEEE 754 double precision, 8 bytes big-endian.</summary>
    Float64 = 24,
    /// <summary>date-time [25]: octet-string of 12 bytes (date, time, deviation, clock status).</summary>
    DateTime = 25,
    /// <summary>date [26]: octet-string of 5 bytes (year, month, day of month, day of week).</summary>
    Date = 26,
    /// <summary>time [27]: octet-string of 4 bytes (hour, minute, second, hundredths).</summary>
    Time = 27,
    /// <summary>
    /// delta-integer [28]: Integer8 difference from the previous value (compact-array delta encoding).
    /// </summary>
    DeltaInteger = 28,
    /// <summary>delta-long [29]: Integer16 difference from the previous value.</summary>
    DeltaLong = 29,
    /// <summary>delta-double-long [30]: Integer32 difference from the previous value.</summary>
    DeltaDoubleLong = 30,
    /// <summary>delta-unsigned [31]: Unsigned8 difference from the previous value.</summary>
    DeltaUnsigned = 31,
    /// <summary>delta-long-unsigned [32]: Unsigned16 difference from the previous value.</summary>
    DeltaLongUnsigned = 32,
    /// <summary>delta-double-long-unsigned [33]: Unsigned32 difference from the previous value.</summary>
    DeltaDoubleLongUnsigned = 33,
    /// <summary>dont-care [255]: any value matches; no contents.</summary>
    DontCare = 255,
}
