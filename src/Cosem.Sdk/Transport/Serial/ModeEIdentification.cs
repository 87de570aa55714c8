namespace Cosem.Sdk.Transport.Serial;

/// <summary>
/// The identification message of IEC 62056-21 §6.3.2: <c>/XXXZ\W…Ident CR LF</c> with a three-letter
/// manufacturer id, the baud rate character Z, optional enhanced capability escapes (<c>\2</c> announces HDLC
/// protocol mode E) and the device identification.
/// </summary>
public sealed record ModeEIdentification(string ManufacturerId, char BaudRateCharacter, bool AnnouncesModeE, string Identification)
{
    /// <summary>The highest baud rate the device offers (Z of modes C and E, §6.3.14).</summary>
    public int MaxBaudRate => ModeE.BaudRateOf(BaudRateCharacter);

    /// <summary>The message as sent, without CR LF.</summary>
    public string Format() => $"/{ManufacturerId}{BaudRateCharacter}{(AnnouncesModeE ? "\\2" : "")}{Identification}";
}
