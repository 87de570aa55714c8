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

    public KeyInfoKind Kind { get; }

    /// <summary>For <see cref="KeyInfoKind.IdentifiedKey"/>.</summary>
    public KeyId KeyId { get; }

    /// <summary>For <see cref="KeyInfoKind.WrappedKey"/>.</summary>
    public KekId KekId { get; }

    /// <summary>For <see cref="KeyInfoKind.AgreedKey"/>: the key agreement scheme parameters.</summary>
    public ReadOnlyMemory<byte> KeyParameters { get; }

    /// <summary>For <see cref="KeyInfoKind.WrappedKey"/> and <see cref="KeyInfoKind.AgreedKey"/>.</summary>
    public ReadOnlyMemory<byte> KeyCipheredData { get; }

    public static KeyInfo IdentifiedKey(KeyId keyId) => new(KeyInfoKind.IdentifiedKey, keyId, default, default, default);

    public static KeyInfo WrappedKey(KekId kekId, ReadOnlyMemory<byte> keyCipheredData) =>
        new(KeyInfoKind.WrappedKey, default, kekId, default, keyCipheredData);

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

    public bool Equals(KeyInfo other) =>
        Kind == other.Kind && KeyId == other.KeyId && KekId == other.KekId &&
        KeyParameters.Span.SequenceEqual(other.KeyParameters.Span) && KeyCipheredData.Span.SequenceEqual(other.KeyCipheredData.Span);

    public override bool Equals(object? obj) => obj is KeyInfo other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, KeyId, KekId, KeyParameters.Length, KeyCipheredData.Length);

    public static bool operator ==(KeyInfo left, KeyInfo right) => left.Equals(right);

    public static bool operator !=(KeyInfo left, KeyInfo right) => !left.Equals(right);
}
