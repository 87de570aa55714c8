using System.Security.Cryptography;

namespace Cosem.Sdk.Security;

/// <summary>Low level security (mechanism 1): the password check, in constant time.</summary>
public static class LlsPassword
{
    /// <summary>
    /// Whether <paramref name="received"/> equals <paramref name="expected"/>. Both are hashed first so the time
    /// taken reveals neither the content nor the length of the expected password.
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> received)
    {
        Span<byte> a = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> b = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(expected, a);
        SHA256.HashData(received, b);
        var same = CryptographicOperations.FixedTimeEquals(a, b);
        // Equal digests with unequal lengths cannot happen short of a SHA-256 collision; check anyway.
        return same & (expected.Length == received.Length);
    }
}
