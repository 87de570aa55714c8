using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Cosem.Studio.Connections;

namespace Cosem.Studio.Tests.Support;

/// <summary>
/// The reference simulator whose management client (1) associates with HLS-ECDSA (mechanism 7) under security suite 1
/// (P-256) and authenticated-encrypted APDUs with AES-GCM-128 keys, on a free loopback wrapper port. Both signing key
/// pairs are generated per fixture.
/// </summary>
public sealed class EcdsaSimulatedMeter : IAsyncLifetime
{
    public ReferenceMeterSimulator Meter { get; private set; } = null!;

    /// <summary>The client's signing key pair, known to the meter by its public half.</summary>
    public EccKeyPair ClientKey { get; } = EccKeyPair.Generate(EccCurve.P256);

    /// <summary>The meter's signing key pair, known to the client by its public half.</summary>
    public EccKeyPair MeterKey { get; } = EccKeyPair.Generate(EccCurve.P256);

    /// <summary>The management client with HLS-ECDSA, suite 1, authenticated-encrypted APDUs over the wrapper.</summary>
    public ConnectionSettings Management() => new()
    {
        Name = "ecdsa",
        Host = "127.0.0.1",
        Port = Meter.WrapperEndPoint!.Port,
        ClientAddress = 1,
        ServerAddress = 1,
        Authentication = "hls-ecdsa",
        Security = "authenticated-encrypted",
        Suite = 1,
        TimeoutSeconds = 5,
    };

    public async Task InitializeAsync()
    {
        var keys = new CipheringKeys(SecuritySuite.Suite1, Convert.FromHexString(CipheredSimulatedMeter.BlockCipherKey),
            Convert.FromHexString(CipheredSimulatedMeter.AuthenticationKey));
        Meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions
        {
            WrapperPort = 0,
            HdlcPort = null,
            HistoryDays = 1,
            ManagementAuthentication = AssociationAuthentication.HighEcdsa(ClientKey.PublicKey),
            ManagementSecurity = new AssociationSecurity(SystemTitle.Parse(CipheredSimulatedMeter.ServerTitle), keys, SecurityPolicy.AuthenticatedEncrypted)
            {
                SigningKey = MeterKey,
            },
        });
    }

    public async Task DisposeAsync() => await Meter.DisposeAsync();
}
