using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Cosem.Studio.Connections;

namespace Cosem.Studio.Tests.Support;

/// <summary>
/// The reference simulator whose management client (1) associates with HLS-SHA256 and suite-0
/// authenticated-encrypted APDUs, on a free loopback wrapper port.
/// </summary>
public sealed class CipheredSimulatedMeter : IAsyncLifetime
{
    // Green Book Ed. 8 §9.2.7.2.4 example keys and server system title.
    public const string BlockCipherKey = "000102030405060708090A0B0C0D0E0F";
    public const string AuthenticationKey = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF";
    public const string ServerTitle = "4D4D4D0000BC614E";

    /// <summary>The HLS secret of the management client.</summary>
    public const string Secret = "HlsSecret0123456";

    public ReferenceMeterSimulator Meter { get; private set; } = null!;

    /// <summary>The management client with HLS-SHA256 and authenticated-encrypted APDUs over the wrapper.</summary>
    public ConnectionSettings Management() => new()
    {
        Name = "ciphered",
        Host = "127.0.0.1",
        Port = Meter.WrapperEndPoint!.Port,
        ClientAddress = 1,
        ServerAddress = 1,
        Authentication = "hls-sha256",
        Security = "authenticated-encrypted",
        TimeoutSeconds = 5,
    };

    public static ConnectionSecrets Secrets() => new()
    {
        Password = Secret,
        BlockCipherKey = BlockCipherKey,
        AuthenticationKey = AuthenticationKey,
    };

    public async Task InitializeAsync()
    {
        var keys = new CipheringKeys(SecuritySuite.Suite0, Convert.FromHexString(BlockCipherKey), Convert.FromHexString(AuthenticationKey));
        Meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions
        {
            WrapperPort = 0,
            HdlcPort = null,
            HistoryDays = 1,
            ManagementAuthentication = AssociationAuthentication.High(HlsMechanism.Sha256, System.Text.Encoding.UTF8.GetBytes(Secret)),
            ManagementSecurity = new AssociationSecurity(SystemTitle.Parse(ServerTitle), keys, SecurityPolicy.AuthenticatedEncrypted),
        });
    }

    public async Task DisposeAsync() => await Meter.DisposeAsync();
}
