namespace Cosem.Sdk.Axdr;

// date-time, date and time (IEC 62056-6-2 §4.1.6.1): octet-string(12/5/4) is what COSEM attributes use; the
// tagged forms [25]/[26]/[27] exist in the Data CHOICE and are written only when asked for.
public ref partial struct AxdrWriter
{
    /// <summary>A date-time as octet-string(12): 09 0C and the twelve bytes.</summary>
    public void WriteDateTime(CosemDateTime value)
    {
        var span = Reserve(2 + CosemDateTime.Length);
        span[0] = (byte)DataType.OctetString;
        span[1] = CosemDateTime.Length;
        value.Write(span[2..]);
    }

    /// <summary>A date as octet-string(5).</summary>
    public void WriteDate(CosemDate value)
    {
        var span = Reserve(2 + CosemDate.Length);
        span[0] = (byte)DataType.OctetString;
        span[1] = CosemDate.Length;
        value.CopyTo(span[2..]);
    }

    /// <summary>A time as octet-string(4).</summary>
    public void WriteTime(CosemTime value)
    {
        var span = Reserve(2 + CosemTime.Length);
        span[0] = (byte)DataType.OctetString;
        span[1] = CosemTime.Length;
        value.CopyTo(span[2..]);
    }

    /// <summary>A date-time with the date-time tag [25].</summary>
    public void WriteDateTimeTagged(CosemDateTime value)
    {
        var span = Reserve(1 + CosemDateTime.Length);
        span[0] = (byte)DataType.DateTime;
        value.Write(span[1..]);
    }

    /// <summary>A date with the date tag [26].</summary>
    public void WriteDateTagged(CosemDate value)
    {
        var span = Reserve(1 + CosemDate.Length);
        span[0] = (byte)DataType.Date;
        value.CopyTo(span[1..]);
    }

    /// <summary>A time with the time tag [27].</summary>
    public void WriteTimeTagged(CosemTime value)
    {
        var span = Reserve(1 + CosemTime.Length);
        span[0] = (byte)DataType.Time;
        value.CopyTo(span[1..]);
    }

    /// <summary>Twelve untagged date-time bytes.</summary>
    public void WriteRawDateTime(CosemDateTime value) => value.Write(Reserve(CosemDateTime.Length));

    /// <summary>Five untagged date bytes.</summary>
    public void WriteRawDate(CosemDate value) => value.CopyTo(Reserve(CosemDate.Length));

    /// <summary>Four untagged time bytes.</summary>
    public void WriteRawTime(CosemTime value) => value.CopyTo(Reserve(CosemTime.Length));
}
