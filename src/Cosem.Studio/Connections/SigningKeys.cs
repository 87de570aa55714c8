using System.Security.Cryptography;
using System.Text;
using Cosem.Sdk;
using Cosem.Sdk.Security;

namespace Cosem.Studio.Connections;

/// <summary>
/// Reads the HLS-ECDSA (mechanism 7) keys typed or pasted into the connection form, in the forms <c>cosem read
/// --private-key/--peer-certificate</c> take plus hex: PEM (PKCS#8, SEC 1, SubjectPublicKeyInfo or an X.509
/// certificate; a password input joins the lines, which is accepted) or hex. Errors name the field, never the key.
/// </summary>
public static class SigningKeys
{
    /// <summary>
    /// The client's signing key pair on <paramref name="curve"/>: PEM, or hex of the private scalar d (32 bytes for
    /// P-256, 48 for P-384).
    /// </summary>
    public static EccKeyPair PrivateKey(string? text, EccCurve curve)
    {
        const string Field = "The client signing key";
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"HLS-ECDSA needs {Field.ToLowerInvariant()} (PEM or hex private key).");
        }
        EccKeyPair pair;
        try
        {
            if (Pem(text) is { } pem)
            {
                using var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(pem);
                pair = EccKeyPair.FromPkcs8(ecdsa.ExportPkcs8PrivateKey());
            }
            else
            {
                pair = EccKeyPair.FromPrivateKey(curve, Hex(text));
            }
        }
        catch (Exception e) when (e is CosemException or CryptographicException or ArgumentException or FormatException)
        {
            throw new ArgumentException($"{Field} is no {curve} private key (PKCS#8 or SEC 1 PEM, or the hex scalar d).");
        }
        return pair.Curve == curve ? pair : throw new ArgumentException($"{Field} is a {pair.Curve} key; the chosen security suite uses {curve}.");
    }

    /// <summary>
    /// The meter's public signing key on <paramref name="curve"/>: PEM (certificate or public key), or hex of X ‖ Y
    /// (optionally with the 04 prefix of an uncompressed point).
    /// </summary>
    public static EccPublicKey PublicKey(string? text, EccCurve curve)
    {
        const string Field = "The meter's public signing key";
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"HLS-ECDSA needs {Field.ToLowerInvariant()} (PEM certificate or public key, or hex X‖Y).");
        }
        EccPublicKey key;
        try
        {
            if (Pem(text) is { } pem)
            {
                key = pem.Contains("CERTIFICATE", StringComparison.Ordinal)
                    ? CosemCertificate.Parse(Encoding.ASCII.GetBytes(pem)).PublicKey
                    : PublicKeyFromPem(pem);
            }
            else
            {
                var bytes = Hex(text);
                key = bytes.Length % 2 == 1 ? EccPublicKey.FromEncodedPoint(curve, bytes) : EccPublicKey.FromRaw(curve, bytes);
            }
        }
        catch (Exception e) when (e is CosemException or CryptographicException or ArgumentException or FormatException)
        {
            throw new ArgumentException($"{Field} is no {curve} public key (PEM certificate or public key, or hex X‖Y).");
        }
        return key.Curve == curve ? key : throw new ArgumentException($"{Field} is a {key.Curve} key; the chosen security suite uses {curve}.");
    }

    private static EccPublicKey PublicKeyFromPem(string pem)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        return EccPublicKey.FromSubjectPublicKeyInfo(ecdsa.ExportSubjectPublicKeyInfo());
    }

    // A password input drops line breaks: rebuild the PEM lines from the label and the base64 body.
    private static string? Pem(string text)
    {
        var begin = text.IndexOf("-----BEGIN ", StringComparison.Ordinal);
        if (begin < 0)
        {
            return null;
        }
        var labelStart = begin + "-----BEGIN ".Length;
        var labelEnd = text.IndexOf("-----", labelStart, StringComparison.Ordinal);
        var end = labelEnd < 0 ? -1 : text.IndexOf("-----END ", labelEnd + 5, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new CryptographicException("Unterminated PEM.");
        }
        var label = text[labelStart..labelEnd];
        var body = string.Concat(text[(labelEnd + 5)..end].Where(c => !char.IsWhiteSpace(c)));
        return $"-----BEGIN {label}-----\n{body}\n-----END {label}-----\n";
    }

    // FormatException when it is not hex: the callers turn it into the field's message.
    private static byte[] Hex(string text) => Convert.FromHexString(string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != ':')));
}
