using System.Buffers;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Base of every typed APDU, xDLMS (A-XDR) and ACSE (BER) alike. An APDU encodes itself, tag included, with
/// <see cref="Encode(ref AxdrWriter)"/>; decoding goes through <see cref="ApduDecoder.Decode"/>, which dispatches on
/// the tag.
/// </summary>
/// <remarks>
/// Data carried by an APDU (attribute values, method parameters, raw block data) stays encoded as
/// <see cref="ReadOnlyMemory{T}"/> sliced from the received bytes: typed decoders read it directly, so decoding
/// an APDU never copies or boxes the values inside it.
/// </remarks>
public abstract class Apdu
{
    /// <summary>The first byte of the encoded APDU.</summary>
    public abstract ApduTag Tag { get; }

    /// <summary>Writes the whole APDU, starting with its tag.</summary>
    public abstract void Encode(ref AxdrWriter writer);

    /// <summary>Encodes into <paramref name="output"/>.</summary>
    public void Encode(IBufferWriter<byte> output)
    {
        var writer = new AxdrWriter(output);
        Encode(ref writer);
        writer.Flush();
    }

    /// <summary>Encodes into a new array.</summary>
    public byte[] ToArray()
    {
        var output = new ArrayBufferWriter<byte>(64);
        Encode(output);
        return output.WrittenSpan.ToArray();
    }
}
