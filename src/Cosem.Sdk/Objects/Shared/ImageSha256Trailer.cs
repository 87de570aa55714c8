using System.Security.Cryptography;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The image convention <see cref="ImageTransferServer"/> verifies by default: an image is its payload followed by
/// the 32-byte SHA-256 of that payload. The Blue Book leaves the verification method to the manufacturer
/// (§4.4.6.4, image_verify); this one needs no keys and still catches a corrupted or truncated transfer. The trailer is
/// what image_to_activate_info reports as the image's signature.
/// </summary>
public static class ImageSha256Trailer
{
    /// <summary>Bytes of the trailer: 32.</summary>
    public const int Length = SHA256.HashSizeInBytes;

    /// <summary>The image for <paramref name="payload"/>: the payload and its SHA-256.</summary>
    public static byte[] Append(ReadOnlySpan<byte> payload)
    {
        var image = new byte[payload.Length + Length];
        payload.CopyTo(image);
        SHA256.HashData(payload, image.AsSpan(payload.Length));
        return image;
    }

    /// <summary>Whether <paramref name="image"/> ends with the SHA-256 of what precedes it.</summary>
    /// <param name="image">The whole image, trailer included.</param>
    /// <param name="hash">The trailer when it matches; empty otherwise.</param>
    public static bool TryVerify(ReadOnlySpan<byte> image, out ReadOnlyMemory<byte> hash)
    {
        hash = ReadOnlyMemory<byte>.Empty;
        if (image.Length < Length)
        {
            return false;
        }
        Span<byte> computed = stackalloc byte[Length];
        SHA256.HashData(image[..^Length], computed);
        if (!CryptographicOperations.FixedTimeEquals(computed, image[^Length..]))
        {
            return false;
        }
        hash = computed.ToArray();
        return true;
    }
}
