using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Client;

/// <summary>
/// Ciphering of an association's xDLMS APDUs (IEC 62056-5-3 §9.2.7.2, DLMS UA Green Book "ciphered APDUs"): set
/// <see cref="AssociationOptions.Protection"/> and the client protects every request (the InitiateRequest in the
/// AARQ included) and opens every response through it. The SDK's security layer provides implementations.
/// </summary>
public abstract class ApduProtection
{
    /// <summary>The application context the AARQ proposes, normally <see cref="ApplicationContextName.LogicalNameWithCiphering"/>.</summary>
    public abstract ApplicationContextName ApplicationContextName { get; }

    /// <summary>calling-AP-title of the AARQ: the client system title.</summary>
    public abstract ReadOnlyMemory<byte> CallingApTitle { get; }

    /// <summary>The protected form of one plain xDLMS APDU.</summary>
    protected internal abstract byte[] Protect(ReadOnlySpan<byte> plainApdu);

    /// <summary>The plain form of one received APDU; throw a <see cref="CosemException"/> when it fails verification.</summary>
    protected internal abstract byte[] Unprotect(ReadOnlySpan<byte> receivedApdu);

    /// <summary>Learns from the accepted AARE (the server system title in responding-AP-title).</summary>
    protected internal virtual void OnAssociated(AareApdu response)
    {
    }
}
