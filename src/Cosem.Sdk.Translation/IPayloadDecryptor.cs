namespace Cosem.Sdk.Translation;

/// <summary>
/// Opens the protected content of ciphered APDUs for <see cref="PduTranslator"/> (glo-/ded- service APDUs,
/// general-glo-, general-ded- and general-ciphering). The grammar itself does no cryptography: an implementation
/// holding the keys (<see cref="ApduDecryptor"/>, or a test double) opens the content, and the translator shows the
/// plaintext under the envelope.
/// </summary>
public interface IPayloadDecryptor
{
    /// <summary>
    /// The plaintext APDU inside <paramref name="apdu"/> (a complete ciphered APDU), or null when this decryptor has
    /// no key for it (the translation then shows the envelope only).
    /// </summary>
    /// <exception cref="CosemException">A key is available but the content does not open (tag mismatch, wrong key,
    /// missing system title); the message says why and never contains key material.</exception>
    byte[]? Decrypt(ReadOnlySpan<byte> apdu);
}
