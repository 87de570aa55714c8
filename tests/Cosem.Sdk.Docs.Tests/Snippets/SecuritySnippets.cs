using System.Net;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Docs.Tests.Snippets;

/// <summary>docs/security.md: HLS-GMAC with authenticated encryption (suite 0), both sides, and counter sync.</summary>
public sealed class SecuritySnippets
{
    // Green Book (DLMS UA 1000-2) AES-GCM example keys and system titles: never use published keys on a real meter.
    private static readonly byte[] GlobalKey = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
    private static readonly byte[] AuthenticationKey = Convert.FromHexString("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");

    [Fact]
    public async Task A_ciphered_hls_gmac_association_reads_the_clock()
    {
        #region server-security
        var security = new AssociationSecurity(
            SystemTitle.Parse("4D4D4D0000000001"),                        // the meter's system title
            new CipheringKeys(SecuritySuite.Suite0, GlobalKey, AuthenticationKey),
            SecurityPolicy.AuthenticatedEncrypted);                         // every request must be signed and encrypted
        var device = new LogicalDevice(1)
        {
            new Clock(ObisCode.Clock) { Time = CosemDateTime.From(DateTimeOffset.Now) },
            new InvocationCounterData(security),                            // 0.0.43.1.0.255, readable by the public client
            new AssociationLnServer(ObisCode.Parse("0.0.40.0.1.255"), clientAddress: 16) { Access = AccessLevel.ReadOnly },
            new AssociationLnServer(ObisCode.Parse("0.0.40.0.2.255"), clientAddress: 1)
            {
                Authentication = AssociationAuthentication.HighGmac(),      // HLS mechanism 5
                Security = security,
            },
        };
        #endregion
        await using var server = new CosemServer(device).Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out var endPoint);
        await server.StartAsync();
        var transport = ClientTransport.Tcp("127.0.0.1", endPoint.EndPoint!.Port);

        #region client-security
        var client = new ClientSecurity(new SecurityContext
        {
            Suite = SecuritySuite.Suite0,
            Policy = SecurityPolicy.AuthenticatedEncrypted,
            SystemTitle = SystemTitle.Parse("4D4D4D0000BC614E"),          // the client's own system title
            Keys = new CipheringKeys(SecuritySuite.Suite0, GlobalKey, AuthenticationKey),
        });

        // The meter refuses an invocation counter it has seen: read its counter through the public client first.
        await using (var publicClient = await CosemClient.ConnectAsync(transport, new AssociationOptions { ClientAddress = 16 }))
        {
            await client.SynchronizeInvocationCounterAsync(publicClient);
        }

        await using var meter = await CosemClient.ConnectAsync(transport, new AssociationOptions
        {
            ClientAddress = 1,
            Authentication = Authentication.High(HlsMechanism.Gmac, client),
            Protection = ApduProtection.Ciphered(client),                  // glo-ciphering of every APDU
        });
        var now = await new Clock.Proxy(meter, ObisCode.Clock).GetTimeAsync();
        #endregion

        Assert.NotEqual(default, now);
    }

    [Fact]
    public async Task A_durable_counter_store_survives_restarts()
    {
        var folder = Directory.CreateTempSubdirectory("cosem-docs-");
        try
        {
            #region counter-store
            var counters = new FileInvocationCounterStore(Path.Combine(folder.FullName, "counters.json"));
            var client = new ClientSecurity(new SecurityContext
            {
                Policy = SecurityPolicy.AuthenticatedEncrypted,
                SystemTitle = SystemTitle.Parse("4D4D4D0000BC614E"),
                Keys = new CipheringKeys(SecuritySuite.Suite0, GlobalKey, AuthenticationKey),
            }, counters);                                                   // counters written before each use
            #endregion
            var first = await client.NextInvocationCounterAsync();
            counters.Dispose();
            using var reopened = new FileInvocationCounterStore(Path.Combine(folder.FullName, "counters.json"));
            var again = new ClientSecurity(client.Context, reopened);
            Assert.True(await again.NextInvocationCounterAsync() > first);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
