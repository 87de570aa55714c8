using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Codec.Tests.Acse;

namespace Cosem.Sdk.Codec.Tests.Apdu;

/// <summary>Decodes a vector, checks its type, and checks that every way of encoding it gives the same bytes back.</summary>
internal static class ApduRoundTrip
{
    public static byte[] Hex(string hex) => HexText.Bytes(hex);

    public static T Check<T>(string hex) where T : Cosem.Sdk.Apdu.Apdu
    {
        byte[] bytes = Hex(hex);
        var decoded = ApduDecoder.DecodeXdlms(bytes);
        var typed = Assert.IsType<T>(decoded);
        Assert.Equal((byte)typed.Tag, bytes[0]);

        // Growable output (IBufferWriter), in small chunks to exercise Flush.
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(typed.ToArray()));

        // Fixed span.
        var span = new byte[bytes.Length];
        var writer = new AxdrWriter(span);
        typed.Encode(ref writer);
        Assert.Equal(bytes.Length, writer.BytesWritten);
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(span));

        // A fixed span one byte short must fail with a typed error, never overrun.
        if (bytes.Length > 0)
        {
            Assert.Throws<CosemEncodingException>(() =>
            {
                var small = new AxdrWriter(new byte[bytes.Length - 1]);
                typed.Encode(ref small);
            });
        }

        // Every truncation of the vector is refused with a typed error.
        for (int length = 0; length < bytes.Length; length++)
        {
            var truncated = bytes.AsMemory(0, length);
            Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(truncated));
        }

        // So is a trailing byte.
        var extended = new byte[bytes.Length + 1];
        bytes.CopyTo(extended, 0);
        var trailing = Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(extended));
        Assert.Equal(bytes.Length, trailing.Offset);
        return typed;
    }

    /// <summary>Encodes a hand-built APDU and compares it with the expected hex, then decodes that hex back.</summary>
    public static T Encodes<T>(T apdu, string hex) where T : Cosem.Sdk.Apdu.Apdu
    {
        Assert.Equal(Convert.ToHexString(Hex(hex)), Convert.ToHexString(apdu.ToArray()));
        return Check<T>(hex);
    }

    public static string HexOf(ReadOnlyMemory<byte> bytes) => HexText.Of(bytes.Span);
}
