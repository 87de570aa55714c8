using System.Security.Cryptography;

namespace Cosem.Sdk.Security;

/// <summary>The algorithm parameters each <see cref="SecuritySuite"/> fixes.</summary>
public static class SecuritySuiteExtensions
{
    /// <summary>True for suites 0, 1 and 2; false for any other value read from the wire.</summary>
    public static bool IsDefined(this SecuritySuite suite) => suite <= SecuritySuite.Suite2;

    /// <summary>Length in bytes of block cipher, authentication and dedicated keys: 16 for suites 0 and 1, 32 for suite 2.</summary>
    public static int KeyLength(this SecuritySuite suite) => suite switch
    {
        SecuritySuite.Suite0 or SecuritySuite.Suite1 => 16,
        SecuritySuite.Suite2 => 32,
        _ => throw Unsupported(suite),
    };

    /// <summary>The curve for ECDSA and ECDH; suite 0 has none.</summary>
    public static EccCurve Curve(this SecuritySuite suite) => suite switch
    {
        SecuritySuite.Suite1 => EccCurve.P256,
        SecuritySuite.Suite2 => EccCurve.P384,
        _ => throw new CosemSecurityException(SecurityFailure.UnsupportedSuite,
            $"Security suite {(int)suite} has no elliptic curve; public key operations need suite 1 or 2."),
    };

    /// <summary>The hash used with the suite's curve (and by the key derivation function).</summary>
    public static HashAlgorithmName HashAlgorithm(this SecuritySuite suite) => suite switch
    {
        SecuritySuite.Suite0 or SecuritySuite.Suite1 => HashAlgorithmName.SHA256,
        SecuritySuite.Suite2 => HashAlgorithmName.SHA384,
        _ => throw Unsupported(suite),
    };

    internal static CosemSecurityException Unsupported(SecuritySuite suite) =>
        new(SecurityFailure.UnsupportedSuite, $"Security suite {(int)suite} is not supported; only suites 0, 1 and 2 are defined.");

    internal static void EnsureDefined(this SecuritySuite suite)
    {
        if (!suite.IsDefined())
        {
            throw Unsupported(suite);
        }
    }
}
