using System.Net;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.Server;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>How a secure association authenticates, for theory data.</summary>
public enum Mechanism
{
    None,
    Low,
    Md5,
    Sha1,
    Gmac,
    Sha256,
    Ecdsa,
}

/// <summary>
/// A <see cref="CosemServer"/> on 127.0.0.1 (wrapper over TCP and HDLC over TCP) whose management association
/// (client 1) requires a given mechanism, suite and policy, plus a public client (16) that can read the invocation
/// counter object 0.0.43.1.0.255. Keys and titles as in the Green Book ciphering examples.
/// </summary>
internal sealed class SecureLoopbackMeter : IAsyncDisposable
{
    public const string Password = "12345678";
    public static readonly byte[] HlsSecret = "HLS secret 0123456789"u8.ToArray();
    public static readonly ObisCode ClockName = new(0, 0, 1, 0, 0, 255);
    public static readonly ObisCode EnergyName = new(1, 0, 1, 8, 0, 255);
    public static readonly ObisCode BlobName = new(0, 128, 96, 1, 0, 255);
    public static readonly DateTimeOffset Now = new(2024, 6, 15, 12, 0, 0, TimeSpan.Zero);

    // Green Book "Cryptographic protection" example: system titles and keys (DLMS UA 1000-2, AES-GCM examples).
    public static readonly SystemTitle ClientTitle = SystemTitle.Parse("4D4D4D0000BC614E");
    public static readonly SystemTitle ServerTitle = SystemTitle.Parse("4D4D4D0000000001");
    public static readonly byte[] Key128 = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
    public static readonly byte[] AuthKey128 = Convert.FromHexString("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
    public static readonly byte[] Key256 = Convert.FromHexString("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
    public static readonly byte[] AuthKey256 = Convert.FromHexString("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDFE0E1E2E3E4E5E6E7E8E9EAEBECEDEEEF");

    public SecureLoopbackMeter(Mechanism mechanism, SecuritySuite suite, SecurityPolicy policy, CosemServerOptions? options = null, bool shortName = false)
    {
        Mechanism = mechanism;
        ShortName = shortName;
        Suite = suite;
        Policy = policy;
        if (mechanism == Mechanism.Ecdsa)
        {
            ClientKey = EccKeyPair.Generate(suite.Curve());
            ServerKey = EccKeyPair.Generate(suite.Curve());
        }
        Security = new AssociationSecurity(ServerTitle, Keys(suite), policy) { SigningKey = ServerKey };
        Blob = new TestObject(BlobName);
        Device = new LogicalDevice(1)
        {
            new Clock(ClockName) { Time = CosemDateTime.From(Now) },
            new Register(EnergyName) { Value = CosemData.FromUInt32(12_345_678), ScalerUnit = new ScalerUnit(-3, Unit.WattHour) },
            Blob,
            new InvocationCounterData(Security),
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 1, 255), 16) { Access = AccessLevel.ReadOnly },
        };
        var authentication = mechanism switch
        {
            Mechanism.None => AssociationAuthentication.None,
            Mechanism.Low => AssociationAuthentication.Low(Password),
            Mechanism.Md5 => AssociationAuthentication.High(HlsMechanism.Md5, HlsSecret),
            Mechanism.Sha1 => AssociationAuthentication.High(HlsMechanism.Sha1, HlsSecret),
            Mechanism.Sha256 => AssociationAuthentication.High(HlsMechanism.Sha256, HlsSecret),
            Mechanism.Gmac => AssociationAuthentication.HighGmac(),
            _ => AssociationAuthentication.HighEcdsa(ClientKey!.PublicKey),
        };
        // The management association: LN, or SN (class 12) for the short-name tests of the same mechanisms.
        Device.Add(shortName
            ? new AssociationSnServer(new ObisCode(0, 0, 40, 0, 2, 255), 1) { Authentication = authentication, Security = Security }
            : new AssociationLnServer(new ObisCode(0, 0, 40, 0, 2, 255), 1) { Authentication = authentication, Security = Security });
        Server = new CosemServer(Device, options)
            .Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out _wrapper)
            .Listen(ServerTransport.HdlcOverTcp(new IPEndPoint(IPAddress.Loopback, 0)), out _hdlc);
    }

    public Mechanism Mechanism { get; }

    /// <summary>Whether the management association (client 1) is an Association SN.</summary>
    public bool ShortName { get; }

    public SecuritySuite Suite { get; }

    public SecurityPolicy Policy { get; }

    public EccKeyPair? ClientKey { get; }

    public EccKeyPair? ServerKey { get; }

    public AssociationSecurity Security { get; }

    public TestObject Blob { get; }

    public LogicalDevice Device { get; }

    private readonly ServerEndPoint _wrapper;
    private readonly ServerEndPoint _hdlc;

    public CosemServer Server { get; }

    public static CipheringKeys Keys(SecuritySuite suite) => suite == SecuritySuite.Suite2
        ? new CipheringKeys(suite, Key256, AuthKey256)
        : new CipheringKeys(suite, Key128, AuthKey128);

    public static async Task<SecureLoopbackMeter> StartAsync(Mechanism mechanism, SecuritySuite suite, SecurityPolicy policy,
        CosemServerOptions? options = null, bool shortName = false)
    {
        var meter = new SecureLoopbackMeter(mechanism, suite, policy, options, shortName);
        await meter.Server.StartAsync();
        return meter;
    }

    /// <summary>The bound address of the HDLC-over-TCP or the wrapper endpoint.</summary>
    public IPEndPoint ListeningOn(bool hdlc) => (hdlc ? _hdlc : _wrapper).EndPoint!;

    public ClientTransport Transport(bool hdlc) => hdlc
        ? ClientTransport.HdlcOverTcp("127.0.0.1", ListeningOn(hdlc).Port)
        : ClientTransport.Tcp("127.0.0.1", ListeningOn(hdlc).Port);

    /// <summary>The client security matching this meter, with any part replaced by the caller.</summary>
    public ClientSecurity ClientSecurity(CipheringKeys? keys = null, SystemTitle? clientTitle = null, byte[]? secret = null,
        IInvocationCounterStore? counters = null, bool dedicated = false, bool general = false, SystemTitle? expectedServer = null) =>
        new(new SecurityContext
        {
            Suite = Suite,
            Policy = Policy,
            SystemTitle = clientTitle ?? ClientTitle,
            PeerSystemTitle = expectedServer,
            Keys = keys ?? Keys(Suite),
            Secret = secret ?? HlsSecret,
            KeyPair = ClientKey,
            PeerPublicKey = ServerKey?.PublicKey,
        }, counters)
        {
            UseDedicatedKey = dedicated,
            UseGeneralCiphering = general,
        };

    /// <summary>Association options for the management client with <paramref name="security"/>.</summary>
    public AssociationOptions ManagementOptions(ClientSecurity security, string password = Password,
        Conformance conformance = AssociationOptions.DefaultConformance, int gbtWindow = 0, ushort maxReceivePdu = 0xFFFF) => new()
    {
        ProposedConformance = conformance,
        GeneralBlockTransferWindow = gbtWindow,
        MaxReceivePduSize = maxReceivePdu,
        ClientAddress = 1,
        Referencing = ShortName ? Referencing.ShortName : Referencing.LogicalName,
        Authentication = Mechanism switch
        {
            Mechanism.None => Authentication.None,
            Mechanism.Low => Authentication.Low(password),
            Mechanism.Md5 => Authentication.High(HlsMechanism.Md5, security),
            Mechanism.Sha1 => Authentication.High(HlsMechanism.Sha1, security),
            Mechanism.Gmac => Authentication.High(HlsMechanism.Gmac, security),
            Mechanism.Sha256 => Authentication.High(HlsMechanism.Sha256, security),
            _ => Authentication.High(HlsMechanism.Ecdsa, security),
        },
        Protection = Policy == SecurityPolicy.None ? null : ApduProtection.Ciphered(security),
        RequestTimeout = TimeSpan.FromSeconds(20),
    };

    public Task<CosemClient> ConnectManagementAsync(bool hdlc, ClientSecurity? security = null) =>
        CosemClient.ConnectAsync(Transport(hdlc), ManagementOptions(security ?? ClientSecurity()));

    /// <summary>Reads, writes and invokes through <paramref name="client"/>: every service, each protected as negotiated.</summary>
    public async Task ExerciseAsync(CosemClient client)
    {
        var device = new ReferenceMeter(client);
        Assert.Equal(Now, (await device.Clock.GetTimeAsync()).ToDateTimeOffset());
        Assert.Equal(12_345_678ul, (await device.ActiveEnergyImport.GetValueAsync()).AsUInt64());
        var blob = CosemData.OctetString(Enumerable.Range(0, 300).Select(i => (byte)i).ToArray());
        await client.SetDataAsync(new CosemAttributeDescriptor(1, BlobName, 2), blob);
        Assert.Equal(blob, await client.GetDataAsync(new CosemAttributeDescriptor(1, BlobName, 2)));
        Assert.Equal(CosemData.FromUInt32(7), await client.InvokeDataAsync(new CosemMethodDescriptor(1, BlobName, 1), CosemData.FromUInt32(7)));
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
