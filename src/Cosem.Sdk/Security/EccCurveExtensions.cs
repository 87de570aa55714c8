namespace Cosem.Sdk.Security;

/// <summary>Sizes fixed by each <see cref="EccCurve"/>.</summary>
public static class EccCurveExtensions
{
    /// <summary>Bytes in one coordinate or scalar: 32 for P-256, 48 for P-384.</summary>
    public static int CoordinateLength(this EccCurve curve) => curve switch
    {
        EccCurve.P256 => 32,
        EccCurve.P384 => 48,
        _ => throw new CosemSecurityException(SecurityFailure.UnsupportedSuite, $"Curve {(int)curve} is not supported."),
    };

    /// <summary>Bytes in a DLMS public key (X ‖ Y, no 04 prefix) and in a signature (r ‖ s).</summary>
    public static int PublicKeyLength(this EccCurve curve) => 2 * curve.CoordinateLength();

    /// <summary>Bytes in an ECDSA signature as DLMS carries it: r ‖ s, each left-padded to the coordinate length.</summary>
    public static int SignatureLength(this EccCurve curve) => 2 * curve.CoordinateLength();
}
