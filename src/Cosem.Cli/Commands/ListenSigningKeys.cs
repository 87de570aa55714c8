using Cosem.Sdk.Security;
using Cosem.Sdk.Translation;

namespace Cosem.Cli.Commands;

/// <summary>
/// The public signing keys of <c>cosem listen --signing-key SYSTEMTITLE=KEY</c>: general-signing pushes of the meter
/// with that system title are verified with KEY — in hex (X ‖ Y, or the encoded point 04 ‖ X ‖ Y; 64/65 bytes for
/// P-256, 96/97 for P-384) or a file holding the meter's X.509 certificate or public key (PEM or DER).
/// </summary>
internal static class ListenSigningKeys
{
    private const string Option = "--signing-key";

    public static Dictionary<SystemTitle, EccPublicKey> Parse(IEnumerable<string> entries)
    {
        var keys = new Dictionary<SystemTitle, EccPublicKey>();
        foreach (var entry in entries)
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || separator == entry.Length - 1)
            {
                throw new ArgumentException($"{Option} '{entry}' is not SYSTEMTITLE=KEY (KEY: hex public key or a certificate/public key file).");
            }
            SystemTitle title;
            try
            {
                title = SystemTitle.Parse(entry[..separator].Trim());
            }
            catch (CosemSecurityException)
            {
                throw new ArgumentException($"{Option}: '{entry[..separator]}' is not a system title (16 hex digits).");
            }
            if (!keys.TryAdd(title, Key(entry[(separator + 1)..].Trim())))
            {
                throw new ArgumentException($"{Option}: system title {title} is given twice.");
            }
        }
        return keys;
    }

    // Hex when it reads as a public key of either curve; otherwise a file (as --peer-certificate reads it).
    private static EccPublicKey Key(string text)
    {
        if (HexText.TryParse(text, out var bytes))
        {
            ReadOnlySpan<byte> point = bytes;
            return point.Length switch
            {
                64 => EccPublicKey.FromRaw(EccCurve.P256, point),
                96 => EccPublicKey.FromRaw(EccCurve.P384, point),
                65 when point[0] == 0x04 => EccPublicKey.FromEncodedPoint(EccCurve.P256, point),
                97 when point[0] == 0x04 => EccPublicKey.FromEncodedPoint(EccCurve.P384, point),
                _ => File.Exists(text) ? SecurityOptions.ReadPublicKey(new FileInfo(text), Option)
                    : throw new ArgumentException($"{Option}: a hex key has 64 or 65 bytes (P-256) or 96 or 97 bytes (P-384), not {point.Length}."),
            };
        }
        return File.Exists(text) ? SecurityOptions.ReadPublicKey(new FileInfo(text), Option)
            : throw new ArgumentException($"{Option}: '{text}' is neither a hex public key nor an existing file.");
    }
}
