using System.Net;
using System.Net.Sockets;
using Cosem.Samples.MeterSimulator;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Docs.Tests.Snippets;

/// <summary>docs/troubleshooting.md: the errors users meet, each provoked and caught the way the page shows.</summary>
public sealed class TroubleshootingSnippets : IAsyncLifetime
{
    private ReferenceMeterSimulator _simulator = null!;

    private ClientTransport Meter => ClientTransport.Tcp("127.0.0.1", _simulator.WrapperEndPoint!.Port);

    public async Task InitializeAsync() =>
        _simulator = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { WrapperPort = 0, HdlcPort = null });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task A_silent_peer_is_a_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);     // accepts and never answers
        silent.Start();
        var transport = ClientTransport.Tcp("127.0.0.1", ((IPEndPoint)silent.LocalEndpoint).Port);
        string? reported = null;
        #region timeout
        try
        {
            await using var meter = await CosemClient.ConnectAsync(transport,
                new AssociationOptions { RequestTimeout = TimeSpan.FromSeconds(1) });
        }
        catch (CosemTimeoutException e)
        {
            // No answer within RequestTimeout: wrong port or framing (wrapper vs HDLC), wrong server address, a busy
            // meter, or a slow link (raise RequestTimeout for GPRS or optical heads).
            reported = $"no answer within {e.Timeout.TotalSeconds} s: {e.Message}";
        }
        #endregion
        Assert.NotNull(reported);
    }

    [Fact]
    public async Task A_wrong_password_is_a_refused_association()
    {
        AssociationResult? result = null;
        #region association-refused
        try
        {
            await using var meter = await CosemClient.ConnectAsync(Meter, new AssociationOptions
            {
                ClientAddress = 1,
                Authentication = Authentication.Low("wrong"),
            });
        }
        catch (CosemAssociationException e)
        {
            // The AARE says why: Result (rejected-permanent / -transient) and Diagnostic (authentication-failure,
            // application-context-name-not-supported, no-reason-given, ...); InitiateError for a refused proposal.
            Console.WriteLine($"refused: {e.Result}, {e.Diagnostic}");
            result = e.Result;
        }
        #endregion
        Assert.Equal(AssociationResult.RejectedPermanent, result);
    }

    [Fact]
    public async Task Wrong_keys_are_a_security_failure()
    {
        var keys = new CipheringKeys(SecuritySuite.Suite0, new byte[16], new byte[16]);   // not the meter's keys
        CosemException? failure = null;
        #region hls-failure
        var security = new ClientSecurity(new SecurityContext
        {
            Policy = SecurityPolicy.AuthenticatedEncrypted,
            SystemTitle = SystemTitle.Parse("434F53454D434C49"),
            Keys = keys,
        });
        try
        {
            await using var meter = await CosemClient.ConnectAsync(Meter, new AssociationOptions
            {
                ClientAddress = 1,
                Authentication = Authentication.High(HlsMechanism.Gmac, security),
                Protection = ApduProtection.Ciphered(security),
            });
        }
        catch (CosemException e) when (e is CosemAssociationException or CosemSecurityException)
        {
            // A meter not set up for this mechanism refuses in the AARE; wrong keys or titles fail the HLS pass 3/4
            // check (SecurityFailure names which) or the meter drops the association.
            failure = e;
        }
        #endregion
        Assert.NotNull(failure);
    }

    [Fact]
    public async Task Refused_attributes_are_service_errors()
    {
        await using var meter = await CosemClient.ConnectAsync(Meter, new AssociationOptions());
        DataAccessResult? refusal = null;
        #region service-error
        try
        {
            var clock = new Clock.Proxy(meter, ObisCode.Clock);
            await clock.SetTimeZoneAsync(60);                         // the public client is read-only
        }
        catch (CosemServiceException e)
        {
            refusal = e.DataAccessResult;                             // e.g. ReadWriteDenied, ObjectUndefined
        }
        #endregion
        Assert.Equal(DataAccessResult.ReadWriteDenied, refusal);
    }

    [Fact]
    public async Task A_closed_port_is_a_transport_error()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();                                                 // nobody listens there now
        TransportErrorKind? kind = null;
        #region transport-error
        try
        {
            await using var meter = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", port), new AssociationOptions());
        }
        catch (CosemTransportException e)
        {
            kind = e.Kind;                                            // Refused, ConnectionClosed, InvalidFrame, ...
        }
        #endregion
        Assert.NotNull(kind);
    }
}
