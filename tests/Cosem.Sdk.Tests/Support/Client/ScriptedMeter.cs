using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Client;

/// <summary>
/// A meter whose answers each test scripts: it accepts (or refuses) the AARQ like a real meter, then hands every
/// other request to <see cref="Handler"/> and sends back what it returns (zero, one or several APDUs). Runs over
/// an in-memory wrapper connection, so tests see exactly what the client sends.
/// </summary>
internal sealed class ScriptedMeter : IAsyncDisposable
{
    private readonly IApduChannel _server;
    private readonly bool _hdlc;
    private readonly InMemoryDuplexPipe _clientPipe;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public ScriptedMeter(Func<Apdu.Apdu, IEnumerable<byte[]>> handler, bool hdlc = false)
    {
        Handler = handler;
        _hdlc = hdlc;
        var (client, server) = InMemoryDuplexPipe.CreatePair();
        _clientPipe = client;
        _server = hdlc ? new HdlcServerLink(server) : WrapperChannel.CreateServer(server);
        _loop = Task.Run(RunAsync);
    }

    public Func<Apdu.Apdu, IEnumerable<byte[]>> Handler { get; set; }

    public Conformance Conformance { get; init; } = AssociationOptions.DefaultConformance;

    public ushort MaxReceivePduSize { get; init; } = 0xFFFF;

    /// <summary>A password the AARQ must carry (LLS), or null to accept any association.</summary>
    public string? Password { get; init; }

    /// <summary>Rewrites the AARE bytes the meter would send (a meter with broken BER framing), or null.</summary>
    public Func<byte[], byte[]>? MangleAare { get; init; }

    /// <summary>What the meter answers an RLRQ with (nothing: a meter that never answers it), or null for a normal RLRE.</summary>
    public Func<IEnumerable<byte[]>>? Release { get; init; }

    /// <summary>Every request received, as bytes, in order.</summary>
    public List<byte[]> Requests { get; } = [];

    public ClientTransport Transport => _hdlc ? ClientTransport.Hdlc(_clientPipe) : ClientTransport.Wrapper(_clientPipe);

    public Task<CosemClient> ConnectAsync(AssociationOptions? options = null) =>
        CosemClient.ConnectAsync(Transport, options ?? new AssociationOptions(), CancellationToken.None);

    private async Task RunAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var message = await _server.ReceiveAsync(_stop.Token);
                var bytes = message.ToArray();
                lock (Requests)
                {
                    Requests.Add(bytes);
                }
                var request = ApduDecoder.Decode(bytes);
                var answers = request switch
                {
                    AarqApdu aarq => [MangleAare is { } mangle ? mangle(Associate(aarq)) : Associate(aarq)],
                    RlrqApdu => Release is { } release ? release() : [new RlreApdu { Reason = ReleaseResponseReason.Normal }.ToArray()],
                    _ => Handler(request),
                };
                foreach (var answer in answers)
                {
                    await _server.SendAsync(answer, _stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or CosemTransportException or ObjectDisposedException)
        {
        }
    }

    private byte[] Associate(AarqApdu aarq)
    {
        var passwordOk = Password is null ||
            (aarq.CallingAuthenticationValue is { } value && value.Value.Span.SequenceEqual(System.Text.Encoding.ASCII.GetBytes(Password)));
        if (!passwordOk)
        {
            return new AareApdu
            {
                Result = AssociationResult.RejectedPermanent,
                ResultSourceDiagnostic = ResultSourceDiagnostic.ServiceUser(AcseServiceUserDiagnostic.AuthenticationFailure),
            }.ToArray();
        }
        var proposed = aarq.InitiateRequest!.ProposedConformance;
        return new AareApdu
        {
            Result = AssociationResult.Accepted,
            UserInformationApdu = new InitiateResponse
            {
                NegotiatedConformance = proposed & Conformance,
                ServerMaxReceivePduSize = MaxReceivePduSize,
            },
        }.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        await _server.DisposeAsync();
        _stop.Dispose();
    }
}
