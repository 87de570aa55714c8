using System.Security.Cryptography;

namespace Cosem.Sdk.Security;

/// <summary>The random CtoS/StoC challenges of HLS authentication (IEC 62056-5-3 §9.2.7.4: 8 to 64 bytes).</summary>
public static class HlsChallenge
{
    /// <summary>Shortest challenge the standard allows, in bytes (IEC 62056-5-3 §9.2.7.4).</summary>
    public const int MinLength = 8;
    /// <summary>Longest challenge the standard allows, in bytes (IEC 62056-5-3 §9.2.7.4).</summary>
    public const int MaxLength = 64;

    /// <summary>Recommended length: 32 random bytes.</summary>
    public const int DefaultLength = 32;

    /// <summary>A new challenge of <paramref name="length"/> random bytes from the system CSPRNG.</summary>
    public static byte[] Generate(int length = DefaultLength)
    {
        EnsureLength(length);
        return RandomNumberGenerator.GetBytes(length);
    }

    /// <summary>Fills <paramref name="destination"/> (8 to 64 bytes) with a new challenge.</summary>
    public static void Fill(Span<byte> destination)
    {
        EnsureLength(destination.Length);
        RandomNumberGenerator.Fill(destination);
    }

    /// <summary>Checks the length of a challenge received from the peer.</summary>
    public static void Validate(ReadOnlySpan<byte> challenge) => EnsureLength(challenge.Length);

    private static void EnsureLength(int length)
    {
        if (length is < MinLength or > MaxLength)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidChallenge,
                $"An HLS challenge has {MinLength} to {MaxLength} bytes, got {length}.");
        }
    }
}
