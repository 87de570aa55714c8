using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Server;

/// <summary>A server with a small logical device, and raw-APDU clients connected to it in memory.</summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public static readonly ObisCode ValueName = new(0, 0, 96, 1, 0, 255);
    public static readonly ObisCode HiddenName = new(0, 0, 96, 1, 9, 255);
    public static readonly ObisCode PublicAssociation = new(0, 0, 40, 0, 1, 255);
    public static readonly ObisCode ManagementAssociation = new(0, 0, 40, 0, 2, 255);

    public ServerHarness(CosemServerOptions? options = null)
    {
        Value = new TestObject(ValueName);
        Hidden = new TestObject(HiddenName);
        Device = new LogicalDevice(1)
        {
            Value,
            Hidden,
            new SapAssignmentServer(),
            new AssociationLnServer(PublicAssociation, 16) { Access = AccessLevel.ReadOnly }.Hide(HiddenName),
            new AssociationLnServer(ManagementAssociation, 1) { Authentication = AssociationAuthentication.Low("12345678") },
        };
        Server = new CosemServer(Device, options);
    }

    public TestObject Value { get; }

    public TestObject Hidden { get; }

    public LogicalDevice Device { get; }

    public CosemServer Server { get; }

    /// <summary>A new in-memory wrapper connection from <paramref name="client"/> to logical device <paramref name="server"/>.</summary>
    public async Task<RawClient> ConnectAsync(ushort client = 16, ushort server = 1)
    {
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        Server.Serve(WrapperChannel.CreateServer(b));
        await Server.StartAsync();
        return new RawClient(WrapperChannel.CreateClient(a, new WrapperOptions { ClientWPort = client, ServerWPort = server }));
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    /// <summary>An AARQ for LN referencing, optionally with LLS.</summary>
    public static byte[] Aarq(string? password = null, Conformance conformance = (Conformance)0x007E1F, ushort maxPdu = 0xFFFF,
        ApplicationContextName context = ApplicationContextName.LogicalName, byte dlmsVersion = 6, MechanismName? mechanism = null) =>
        new AarqApdu
        {
            ApplicationContextName = context,
            SenderAcseRequirements = password is null && mechanism is null ? null : AcseRequirements.Authentication,
            MechanismName = mechanism ?? (password is null ? null : MechanismName.Low),
            CallingAuthenticationValue = password is null ? null : AuthenticationValue.FromPassword(password),
            UserInformationApdu = new InitiateRequest
            {
                ProposedConformance = conformance,
                ClientMaxReceivePduSize = maxPdu,
                ProposedDlmsVersionNumber = dlmsVersion,
            },
        }.ToArray();
}

/// <summary>Sends raw APDUs and returns the raw answers.</summary>
internal sealed class RawClient(IApduChannel channel) : IAsyncDisposable
{
    public IApduChannel Channel { get; } = channel;

    public async Task<byte[]> RequestAsync(byte[] apdu)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Channel.SendAsync(apdu, cts.Token);
        using var answer = await Channel.ReceiveAsync(cts.Token);
        return answer.ToArray();
    }

    /// <summary>Sends without waiting for an answer (an unconfirmed request, or one the server should discard).</summary>
    public async Task SendAsync(string hex)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Channel.SendAsync(Cosem.Sdk.Tests.Transport.Hex.Bytes(hex), cts.Token);
    }

    public Task<byte[]> RequestAsync(string hex) => RequestAsync(Cosem.Sdk.Tests.Transport.Hex.Bytes(hex));

    public async Task<TApdu> RequestAsync<TApdu>(Cosem.Sdk.Apdu.Apdu request) where TApdu : Cosem.Sdk.Apdu.Apdu =>
        Assert.IsType<TApdu>(ApduDecoder.Decode(await RequestAsync(request.ToArray())));

    public async Task<AareApdu> AssociateAsync(byte[] aarq)
    {
        var aare = Assert.IsType<AareApdu>(ApduDecoder.Decode(await RequestAsync(aarq)));
        return aare;
    }

    public ValueTask DisposeAsync() => Channel.DisposeAsync();
}
