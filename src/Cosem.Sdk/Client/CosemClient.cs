using System.Buffers;
using System.Diagnostics;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Diagnostics;
using Cosem.Sdk.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Client;

/// <summary>
/// One application association with a meter over logical name referencing (IEC 62056-5-3): opened by
/// <see cref="ConnectAsync"/>, used through typed proxies or directly (GET, SET, ACTION, with-list batches), closed
/// by <see cref="ReleaseAsync"/> or <see cref="DisposeAsync"/>.
/// </summary>
/// <remarks>
/// The client follows what the meter negotiated: it never sends a service, with-list, selective access or block
/// transfer the meter did not grant, and never a request longer than the meter's server-max-receive-pdu-size (long
/// SET values and ACTION parameters go in blocks). Many callers may share one client: requests are serialised,
/// each carries the next invoke-id, and answers are matched to it. A request that gets no answer within
/// <see cref="AssociationOptions.RequestTimeout"/> throws <see cref="CosemTimeoutException"/>; cancellation throws
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed partial class CosemClient : ICosemSession, IAsyncDisposable
{
    private const int Connecting = 0;
    private const int Associated = 1;
    private const int Released = 2;
    private const int Broken = 3;
    private const int Disposed = 4;

    // The invoke-id of requests without one (ACSE) or answers that carry none (EXCEPTION-Response).
    private const int AnyInvokeId = -1;

    private readonly IApduChannel _channel;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ArrayBufferWriter<byte> _request = new(256);
    // Created on first use: many sessions (a read of a few registers) never send a value nor receive blocks.
    private ArrayBufferWriter<byte>? _valueBuffer;
    private ArrayBufferWriter<byte>? _blockBuffer;
    private CancellationTokenSource? _spareTimeout;
    private readonly Lock _watchdogLock = new();
    private Timer? _watchdog;
    private CancellationTokenSource? _inFlight;
    private long _deadline;
    private byte _lastInvokeId;
    private int _state = Connecting;

    private CosemClient(ClientTransport transport, AssociationOptions options, IApduChannel channel, ILogger logger)
    {
        Transport = transport;
        Options = options;
        _channel = channel;
        _logger = logger;
    }

    private ArrayBufferWriter<byte> ValueBuffer => _valueBuffer ??= new ArrayBufferWriter<byte>(256);

    private ArrayBufferWriter<byte> BlockBuffer => _blockBuffer ??= new ArrayBufferWriter<byte>(1024);

    /// <summary>Where the meter is.</summary>
    public ClientTransport Transport { get; }

    /// <summary>The options the association was opened with.</summary>
    public AssociationOptions Options { get; }

    /// <summary>The services the meter granted (negotiated-conformance of the InitiateResponse).</summary>
    public Conformance NegotiatedConformance { get; private set; }

    /// <summary>The longest APDU the meter accepts (server-max-receive-pdu-size); requests never exceed it.</summary>
    public int ServerMaxReceivePduSize { get; private set; }

    /// <summary>The DLMS version the meter answered with (6 for DLMS/COSEM).</summary>
    public byte NegotiatedDlmsVersion { get; private set; }

    /// <summary>The meter's AARE, for callers that need its details (system title, implementation information).</summary>
    public AareApdu? AssociationResponse { get; private set; }

    /// <summary>Whether the association is open: neither released, disposed nor broken by a transport failure.</summary>
    public bool IsAssociated => Volatile.Read(ref _state) == Associated;

    /// <summary>
    /// Connects through <paramref name="transport"/> and opens the association (AARQ/AARE, then any HLS passes).
    /// A refusal throws <see cref="CosemAssociationException"/>; transport failures throw
    /// <see cref="CosemTransportException"/>; no answer within the request timeout throws <see cref="CosemTimeoutException"/>.
    /// </summary>
    public static async Task<CosemClient> ConnectAsync(ClientTransport transport, AssociationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggers.CreateLogger("Cosem.Sdk.Client");
        IApduChannel channel;
        using (var timeout = CreateTimeout(options.RequestTimeout, cancellationToken))
        {
            try
            {
                channel = await transport.OpenAsync(options, loggers, timeout?.Token ?? cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout is { IsCancellationRequested: true })
            {
                throw new CosemTimeoutException($"Connecting to {transport} took longer than {options.RequestTimeout}.", options.RequestTimeout, ex);
            }
        }
        ClientLog.Connected(logger, transport.Description);
        var client = new CosemClient(transport, options, channel, logger);
        using var activity = CosemTelemetry.ActivitySource.StartActivity("cosem.associate", ActivityKind.Client);
        activity?.SetTag("server.address", transport.Description);
        activity?.SetTag("cosem.client_sap", (int)options.ClientAddress.Value);
        activity?.SetTag("cosem.server_sap", (int)options.ServerAddress.Value);
        try
        {
            await client.AssociateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            client.StopWatchdog();
            await client.CloseChannelAsync().ConfigureAwait(false);
            throw;
        }
        return client;
    }

    /// <summary>
    /// Releases the association (RLRQ/RLRE, IEC 62056-5-3 §9.3.3) and keeps the link open until disposal. Does nothing
    /// when the association is not open.
    /// </summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state != Associated)
            {
                return;
            }
            _request.ResetWrittenCount();
            new RlrqApdu { Reason = ReleaseRequestReason.Normal }.Encode(_request);
            _state = Released;
            using var answer = await ExchangeAsync(_request.WrittenMemory, ApduTag.Rlre, AnyInvokeId, protect: false, cancellationToken).ConfigureAwait(false);
            ReadReleaseResponse(answer.Memory);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Releases the association if it is open (briefly: a dead or slow meter does not hold disposal up), then closes
    /// the link (HDLC DISC, socket close). Never throws for a broken link.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _state) == Disposed)
        {
            return;
        }
        if (IsAssociated)
        {
            try
            {
                using var quick = new CancellationTokenSource(ReleaseOnDisposeTimeout);
                await ReleaseAsync(quick.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is CosemException or OperationCanceledException or ObjectDisposedException)
            {
                ClientLog.ReleaseFailed(_logger, ex.Message);
            }
        }
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_state == Disposed)
            {
                return;
            }
            _state = Disposed;
            StopWatchdog();
            await CloseChannelAsync().ConfigureAwait(false);
            _spareTimeout?.Dispose();
            _spareTimeout = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private TimeSpan ReleaseOnDisposeTimeout =>
        Options.RequestTimeout == Timeout.InfiniteTimeSpan || Options.RequestTimeout > TimeSpan.FromSeconds(2)
            ? TimeSpan.FromSeconds(2)
            : Options.RequestTimeout;

    /// <summary>The transport and association state, for logs.</summary>
    public override string ToString() =>
        $"CosemClient {Options.ClientAddress}->{Options.ServerAddress} over {Transport} ({(IsAssociated ? "associated" : "not associated")})";

    private async ValueTask CloseChannelAsync()
    {
        try
        {
            await _channel.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CosemException or IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // Closing a link that already broke: nothing left to do.
            ClientLog.ReleaseFailed(_logger, ex.Message);
        }
    }

    private static CancellationTokenSource? CreateTimeout(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        return source;
    }
}
