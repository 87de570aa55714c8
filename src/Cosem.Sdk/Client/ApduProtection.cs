using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Client;

/// <summary>
/// Ciphering of an association's xDLMS APDUs (IEC 62056-5-3 §9.2.7.2, DLMS UA Green Book "ciphered APDUs"): set
/// <see cref="AssociationOptions.Protection"/> and the client protects every request (the InitiateRequest in the
/// AARQ included) and opens every response through it. <see cref="Ciphered"/> provides security suites 0, 1 and 2.
/// </summary>
public abstract class ApduProtection
{
    /// <summary>
    /// AES-GCM ciphering under <paramref name="security"/>'s suite and policy: glo- APDUs with the global unicast key,
    /// ded- APDUs with a per-association dedicated key, or general-glo/general-ded-ciphering, as it says.
    /// </summary>
    public static ApduProtection Ciphered(ClientSecurity security) => new CipheredApduProtection(security);

    /// <summary>The application context the AARQ proposes, normally <see cref="ApplicationContextName.LogicalNameWithCiphering"/>.</summary>
    public abstract ApplicationContextName ApplicationContextName { get; }

    /// <summary>calling-AP-title of the AARQ: the client system title.</summary>
    public abstract ReadOnlyMemory<byte> CallingApTitle { get; }

    /// <summary>The InitiateRequest the AARQ carries, e.g. with a dedicated key added.</summary>
    protected internal virtual InitiateRequest PrepareInitiate(InitiateRequest request) => request;

    /// <summary>The protected form of one plain xDLMS APDU; valid until the next call.</summary>
    protected internal abstract ValueTask<ReadOnlyMemory<byte>> ProtectAsync(ReadOnlyMemory<byte> plainApdu, CancellationToken cancellationToken);

    /// <summary>
    /// The plain form of one received APDU, valid until the next call; throw a <see cref="CosemException"/> when it
    /// fails verification or lacks the protection required.
    /// </summary>
    protected internal abstract ReadOnlyMemory<byte> Unprotect(ReadOnlyMemory<byte> receivedApdu);

    /// <summary>Learns from the accepted AARE (the server system title in responding-AP-title), before its user-information is opened.</summary>
    protected internal virtual void OnAssociated(AareApdu response)
    {
    }
}
