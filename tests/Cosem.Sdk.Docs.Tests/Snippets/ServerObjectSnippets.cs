using System.Net;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Docs.Tests.Snippets;

#region clock-subclass
/// <summary>A clock that answers from the machine's time: override the typed getter of the generated class.</summary>
public sealed class SystemClock(ObisCode logicalName, TimeProvider time) : Clock(logicalName)
{
    protected override ValueTask<CosemDateTime> GetTimeAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(CosemDateTime.From(time.GetLocalNow()));
}
#endregion

#region register-subclass
/// <summary>A register read from hardware on every GET; a SET from a client is refused by the access rights.</summary>
public sealed class PulseCounter(ObisCode logicalName, Func<uint> readPulses) : Register(logicalName)
{
    protected override ValueTask<CosemData> GetValueAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(CosemData.FromUInt32(readPulses()));
}
#endregion

/// <summary>docs/server-objects.md: server classes, a logical device with two associations, a running server.</summary>
public sealed class ServerObjectSnippets
{
    [Fact]
    public async Task A_server_answers_what_its_objects_return()
    {
        var pulses = 41u;
        #region logical-device
        var device = new LogicalDevice(1)                             // the management logical device
        {
            new SystemClock(ObisCode.Clock, TimeProvider.System),
            new PulseCounter(ObisCode.Parse("1.0.1.8.0.255"), () => ++pulses) { ScalerUnit = new ScalerUnit(0, Unit.WattHour) },
            new Data(ObisCode.Parse("0.0.96.1.0.255")) { Value = CosemData.VisibleString("SN-0001") },
            new SapAssignmentServer(),
            // Who may associate, and how: the public client reads without authentication...
            new AssociationLnServer(ObisCode.Parse("0.0.40.0.1.255"), clientAddress: 16) { Access = AccessLevel.ReadOnly },
            // ...the management client needs the password and may write.
            new AssociationLnServer(ObisCode.Parse("0.0.40.0.2.255"), clientAddress: 1)
            {
                Authentication = AssociationAuthentication.Low("12345678"),
            },
        };
        #endregion

        #region run-server
        await using var server = new CosemServer(device)
            .Listen(ServerTransport.Tcp(new IPEndPoint(IPAddress.Loopback, 0)), out var wrapper)   // 0: any free port
            .Listen(ServerTransport.HdlcOverTcp(new IPEndPoint(IPAddress.Loopback, 0)), out var hdlc);
        await server.StartAsync();                                    // or: await server.RunAsync(stoppingToken);
        Console.WriteLine($"wrapper on {wrapper.EndPoint}, HDLC on {hdlc.EndPoint}");
        #endregion

        await using var client = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", wrapper.EndPoint!.Port), new AssociationOptions());
        var register = new Register.Proxy(client, ObisCode.Parse("1.0.1.8.0.255"));
        Assert.Equal(42, (await register.GetValueAsync()).AsInt64());
        Assert.Equal(43, (await register.GetValueAsync()).AsInt64());
        var refused = await Assert.ThrowsAsync<CosemServiceException>(async () => await register.SetValueAsync(CosemData.FromUInt32(0)));
        Assert.NotNull(refused.DataAccessResult);
    }

    [Fact]
    public async Task Objects_are_served_in_process_without_a_socket()
    {
        #region loopback
        var session = new LoopbackSession([new SystemClock(ObisCode.Clock, TimeProvider.System)]);
        var clock = new Clock.Proxy(session, ObisCode.Clock);
        var now = await clock.GetTimeAsync();                         // encoded and decoded as on the wire
        #endregion
        Assert.NotEqual(default, now);
    }
}
