using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Client;

// GET-Response-Normal for a caller that decodes the value at once (GetAsync): the value is taken as the rest of the
// APDU, not walked first to find where it ends. Get-Data-Result is the last field of Get-Response-Normal
// (IEC 62056-5-3 §9.5), and the caller's decode (DecodeValue) reads the value whole and checks that nothing follows
// it, so the walk finds nothing that decode does not; a value joined from service-specific blocks is checked the same
// way, by that decode alone. For a long answer joined from general-block-transfer blocks (a 10,000-row
// profile: 360 KB, 60,000 values) the walk was a second pass over the data that service-specific blocks never make,
// since their raw-data is an octet-string with its length.
public sealed partial class CosemClient
{
    /// <summary>
    /// Reads a GET-Response-Normal carrying data (tag, choice 1, invoke-id-and-priority, Get-Data-Result choice 0,
    /// then the value) without walking the value; false for any other answer, which the full decoder reads.
    /// </summary>
    private static bool TryReadNormalValue(ReadOnlyMemory<byte> message, out GetResponse response)
    {
        var apdu = message.Span;
        if (apdu.Length > 4 && apdu[0] == (byte)ApduTag.GetResponse && apdu[1] == 1 && apdu[3] == 0)
        {
            response = new GetResponseNormal(new InvokeIdAndPriority(apdu[2]), GetDataResult.FromData(message[4..]));
            return true;
        }
        response = null!;
        return false;
    }
}
