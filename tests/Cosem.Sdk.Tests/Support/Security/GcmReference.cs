using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Cosem.Sdk.Tests.Security;

/// <summary>
/// A second, independent AES-GCM path (BouncyCastle's GcmBlockCipher, not the BCL AesGcm that ApduCipher uses) to
/// compute expected values where no published vector exists.
/// </summary>
internal static class GcmReference
{
    /// <summary>Returns ciphertext ‖ 12-byte tag.</summary>
    public static byte[] Encrypt(byte[] key, byte[] iv, byte[] aad, byte[] plaintext)
    {
        var gcm = new GcmBlockCipher(new AesEngine());
        gcm.Init(true, new AeadParameters(new KeyParameter(key), 96, iv, aad));
        var output = new byte[gcm.GetOutputSize(plaintext.Length)];
        var n = gcm.ProcessBytes(plaintext, 0, plaintext.Length, output, 0);
        gcm.DoFinal(output, n);
        return output;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Hex(string hex) => Cosem.Sdk.Tests.Transport.Hex.Bytes(hex);
}
