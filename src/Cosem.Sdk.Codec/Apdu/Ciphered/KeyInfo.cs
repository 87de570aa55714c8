using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// How the key of a general-ciphering APDU is found (IEC 62056-5-3 §9.5, Key-Info ::= CHOICE
/// { identified-key [0] { key-id Key-Id }, wrapped-key [1] { kek-id Kek-Id, key-ciphered-data OCTET STRING },
/// agreed-key [2] { key-parameters OCTET STRING, key-ciphered-data OCTET STRING } }).
/// </summary>
public readonly struct KeyInfo : IEquatable<KeyInfo>
{
    private KeyInfo(KeyInfoKind kind, KeyId keyId, KekId kekId, ReadOnlyMemory<byte> keyParameters, ReadOnlyMemory<byte> keyCipheredData)
    {
        Kind = kind;
        KeyId = keyId;
        KekId = kekId;
        KeyParameters = keyParameters;
        KeyCipheredData = keyCipheredData;
    }

    /// <summary>
    /// Which Key-Info CHOICE alternative this is: identified-key [0], wrapped-key [1] or agreed-key [2].
    /// </summary>
    public KeyInfoKind Kind { get; }

    /// <summary>For <see cref="KeyInfoKind.IdentifiedKey"/>.</summary>
    public KeyId KeyId { get; }

    /// <summary>For <see cref="KeyInfoKind.WrappedKey"/>.</summary>
    public KekId KekId { get; }

    /// <summary>For <see cref="KeyInfoKind.AgreedKey"/>: the key agreement scheme parameters.</summary>
    public ReadOnlyMemory<byte> KeyParameters { get; }

    /// <summary>For <see cref="KeyInfoKind.WrappedKey"/> and <see cref="KeyInfoKind.AgreedKey"/>.</summary>
    public ReadOnlyMemory<byte> KeyCipheredData { get; }

    /// <summary>
    /// identified-key [0]: the key is one of the global keys already in the server, named by <paramref name="keyId"/>.
    /// </summary>
    public static KeyInfo IdentifiedKey(KeyId keyId) => new(KeyInfoKind.IdentifiedKey, keyId, default, default, default);

    /// <summary>
    /// wrapped-key [1]: a fresh key sent in <paramref name="keyCipheredData"/>, wrapped (AES key wrap) with the key
    /// named by <paramref name="kekId"/>.
    /// </summary>
    public static KeyInfo WrappedKey(KekId kekId, ReadOnlyMemory<byte> keyCipheredData) =>
        new(KeyInfoKind.WrappedKey, default, kekId, default, keyCipheredData);

    /// <summary>
    /// agreed-key [2]: a key agreed by ECDH; <paramref name="keyParameters"/> names the scheme and <paramref
    /// name="keyCipheredData"/> holds the ephemeral public key material.
    /// </summary>
    public static KeyInfo AgreedKey(ReadOnlyMemory<byte> keyParameters, ReadOnlyMemory<byte> keyCipheredData) =>
        new(KeyInfoKind.AgreedKey, default, default, keyParameters, keyCipheredData);

    internal static KeyInfo Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition;
        var kind = (KeyInfoKind)reader.ReadRawByte("key-info");
        switch (kind)
        {
            case KeyInfoKind.IdentifiedKey:
                return IdentifiedKey((KeyId)reader.ReadRawByte("key-id"));
            case KeyInfoKind.WrappedKey:
                var kekId = (KekId)reader.ReadRawByte("kek-id");
                return WrappedKey(kekId, ApduFields.ReadOctetString(source, ref reader, "key-ciphered-data"));
            case KeyInfoKind.AgreedKey:
                var parameters = ApduFields.ReadOctetString(source, ref reader, "key-parameters");
                return AgreedKey(parameters, ApduFields.ReadOctetString(source, ref reader, "key-ciphered-data"));
            default:
                throw ApduFields.UnknownChoice(at, (byte)kind, "key-info");
        }
    }

    internal void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Kind);
        switch (Kind)
        {
            case KeyInfoKind.IdentifiedKey:
                writer.WriteRawByte((byte)KeyId);
                break;
            case KeyInfoKind.WrappedKey:
                writer.WriteRawByte((byte)KekId);
                ApduFields.WriteOctetString(ref writer, KeyCipheredData.Span);
                break;
            default:
                ApduFields.WriteOctetString(ref writer, KeyParameters.Span);
                ApduFields.WriteOctetString(ref writer, KeyCipheredData.Span);
                break;
        }
    }

    /// <summary>Compares kind, key ids and the contents of the octet strings.</summary>
    public bool Equals(KeyInfo other) =>
        Kind == other.Kind && KeyId == other.KeyId && KekId == other.KekId &&
        KeyParameters.Span.SequenceEqual(other.KeyParameters.Span) && KeyCipheredData.Span.SequenceEqual(other.KeyCipheredData.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KeyInfo other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, KeyId, KekId, KeyParameters.Length, KeyCipheredData.Length);

    /// <summary>True when both Key-Info values are equal by <see cref="Equals(KeyInfo)"/>.</summary>
    public static bool operator ==(KeyInfo left, KeyInfo right) => left.Equals(right);

    /// <summary>True when the Key-Info values differ by <see cref="Equals(KeyInfo)"/>.</summary>
    public static bool operator !=(KeyInfo left, KeyInfo right) => !left.Equals(right);
}
