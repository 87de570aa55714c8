using System.Security.Cryptography;

namespace Cosem.Sdk.Security;

/// <summary>
/// Key material kept in a pinned array (so the GC never leaves copies behind) and zeroed on dispose.
/// Never formats its content.
/// </summary>
internal sealed class SecretBytes : IDisposable
{
    private readonly byte[] _bytes;

    public SecretBytes(ReadOnlySpan<byte> value)
    {
        _bytes = GC.AllocateUninitializedArray<byte>(value.Length, pinned: true);
        value.CopyTo(_bytes);
    }

    public int Length => _bytes.Length;

    public ReadOnlySpan<byte> Span => _bytes;

    /// <summary>The underlying array, for APIs that only take arrays (BouncyCastle). Do not keep or modify it.</summary>
    internal byte[] Array => _bytes;

    public void Dispose() => CryptographicOperations.ZeroMemory(_bytes);

    public override string ToString() => $"<{_bytes.Length}-byte secret>";
}
