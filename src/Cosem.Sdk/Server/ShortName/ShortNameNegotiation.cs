using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Server;

/// <summary>What the AARQ/AARE exchange decides for SN referencing (IEC 62056-5-3 §9.3.2, §7.3.1).</summary>
internal static class ShortNameNegotiation
{
    /// <summary>
    /// The services an SN association may negotiate: Read, Write, UnconfirmedWrite, InformationReport,
    /// parameterized access, multiple references and block transfer with Read/Write.
    /// </summary>
    public const Conformance Services =
        Apdu.Conformance.Read | Apdu.Conformance.Write | Apdu.Conformance.UnconfirmedWrite | Apdu.Conformance.InformationReport |
        Apdu.Conformance.ParameterizedAccess | Apdu.Conformance.MultipleReferences | Apdu.Conformance.BlockTransferWithGetOrRead |
        Apdu.Conformance.BlockTransferWithSetOrWrite;

    /// <summary>
    /// Whether <paramref name="context"/> may open an association through <paramref name="definition"/>: LN contexts
    /// through an LN association object, SN contexts through an SN one. A client the device does not know is
    /// refused later, for its address.
    /// </summary>
    public static bool IsContextOffered(ApplicationContextName context, IAssociationObject? definition) => context switch
    {
        ApplicationContextName.LogicalName or ApplicationContextName.LogicalNameWithCiphering => definition is not IShortNameAssociation,
        ApplicationContextName.ShortName or ApplicationContextName.ShortNameWithCiphering => definition is IShortNameAssociation,
        _ => false,
    };

    /// <summary>
    /// Proposed ∩ offered: under LN what the server options offer; under SN the SN services (Read and Write are
    /// not in the LN-oriented default of <see cref="CosemServerOptions.SupportedConformance"/>), with the option's
    /// multiple-reference and block-transfer bits still deciding those.
    /// </summary>
    public static Conformance Negotiate(Conformance proposed, Conformance supported, bool shortName)
    {
        if (!shortName)
        {
            return proposed & supported;
        }
        const Conformance optional = Apdu.Conformance.MultipleReferences | Apdu.Conformance.BlockTransferWithGetOrRead |
            Apdu.Conformance.BlockTransferWithSetOrWrite | Apdu.Conformance.ParameterizedAccess;
        var offered = (Services & ~optional) | (supported & optional) | (supported.HasFlag(Apdu.Conformance.SelectiveAccess) ? Apdu.Conformance.ParameterizedAccess : 0);
        return proposed & offered;
    }
}
