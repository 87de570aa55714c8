using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Samples.MeterSimulator;

/// <summary>
/// The simulator's two association objects, LN (Association LN) or SN (Association SN) as
/// <see cref="MeterSimulatorOptions.Referencing"/> says: the public client 16 read-only, the management client 1 with
/// the configured authentication and security.
/// </summary>
internal static class SimulatorAssociations
{
    public static CosemObject Public(ObisCode name, MeterSimulatorOptions options) => options.Referencing == Referencing.ShortName
        ? new AssociationSnServer(name, 16) { Access = AccessLevel.ReadOnly }
        : new AssociationLnServer(name, 16) { Access = AccessLevel.ReadOnly };

    public static CosemObject Management(ObisCode name, MeterSimulatorOptions options)
    {
        var authentication = options.ManagementAuthentication ?? AssociationAuthentication.Low(options.ManagementPassword);
        return options.Referencing == Referencing.ShortName
            ? new AssociationSnServer(name, 1) { Authentication = authentication, Security = options.ManagementSecurity }
            : new AssociationLnServer(name, 1) { Authentication = authentication, Security = options.ManagementSecurity };
    }
}
