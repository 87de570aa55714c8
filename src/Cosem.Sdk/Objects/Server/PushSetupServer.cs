using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Objects;

/// <summary>
/// A Push setup (class 40, version 2) that pushes: its <c>push</c> method (and <see cref="TriggerAsync"/>, for a
/// schedule or an alarm) builds a DataNotification from push_object_list — each attribute read from the logical
/// device's objects, honouring the attribute index (0: every attribute) and data index (one element) — protects it as
/// <see cref="PushSetupServerOptions.Protection"/> says, and sends it to send_destination_and_method over the TCP or
/// UDP wrapper, from the logical device's wPort to push_client_sap. The push waits a random time up to
/// randomisation_start_interval, is skipped outside every communication_window, and is retried number_of_retries
/// times with repetition_delay between attempts.
/// </summary>
/// <remarks>
/// The <c>push</c> method answers at once and pushes in the background, as a meter does; <see cref="PushNowAsync"/>
/// waits for the outcome. An object of the list the device lacks, or an attribute it refuses to read, is pushed as
/// null-data. Only A-XDR messages (message type 0) are sent; confirmed push (push_operation_method 2) is not
/// awaited.
/// </remarks>
public partial class PushSetupServer : PushSetup
{
    private readonly LogicalDevice _device;
    private readonly Lock _lock = new();
    private Task _background = Task.CompletedTask;
    private uint _invokeId;
    private long _sent;
    private long _failed;

    /// <param name="logicalName">The push setup's logical name, 0.b.25.9.0.255 (b = 0 for the first, 1.. for more).</param>
    /// <param name="device">The logical device whose objects the push_object_list names.</param>
    /// <param name="options">Protection, clock and transport; null sends in the clear over the wrapper.</param>
    public PushSetupServer(ObisCode logicalName, LogicalDevice device, PushSetupServerOptions? options = null)
        : base(logicalName)
    {
        _device = device ?? throw new ArgumentNullException(nameof(device));
        Options = options ?? new PushSetupServerOptions();
        if (Options.Protection != PushCiphering.None && Options.Security is null)
        {
            throw new ArgumentException("A ciphered push needs the association security (keys and system title).", nameof(options));
        }
        RepetitionDelay = new RepetitionDelay(5, 100, 0);
        PushClientSap = (sbyte)DefaultPushClientSap;
    }

    /// <summary>How pushes are protected and sent.</summary>
    public PushSetupServerOptions Options { get; }

    /// <summary>Pushes that reached the destination's transport.</summary>
    public long SentCount => Interlocked.Read(ref _sent);

    /// <summary>Pushes abandoned (outside every window, or every attempt failed).</summary>
    public long FailedCount => Interlocked.Read(ref _failed);

    /// <summary>Adds <paramref name="attribute"/> of <paramref name="source"/> (element <paramref name="dataIndex"/>
    /// when not 0) to push_object_list.</summary>
    public PushSetupServer Push(CosemObject source, sbyte attribute = 2, ushort dataIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        PushObjectList = [.. PushObjectList, new CaptureObjectDefinition(source.ClassId, source.LogicalName, attribute, dataIndex)];
        return this;
    }

    /// <summary>push (method 1): starts a push in the background and answers at once.</summary>
    protected override ValueTask PushAsync(RequestContext context, CancellationToken cancellationToken)
    {
        _ = TriggerAsync();
        return default;
    }

    /// <summary>Starts a push in the background (a schedule's tick, an alarm) and returns the task of its outcome;
    /// pushes of one object run one after the other.</summary>
    public Task<PushResult> TriggerAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var previous = _background;
            var next = Task.Run(async () =>
            {
                try
                {
                    await previous.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The previous push was cancelled; this one still runs.
                }
                return await PushNowAsync(cancellationToken).ConfigureAwait(false);
            }, CancellationToken.None);
            _background = next;
            return next;
        }
    }

    /// <summary>
    /// Pushes now and waits for the outcome: outside every communication window nothing is sent; else after a random
    /// delay up to randomisation_start_interval the data-notification is built and sent, retried on failure
    /// number_of_retries times after repetition_delay.
    /// </summary>
    public async Task<PushResult> PushNowAsync(CancellationToken cancellationToken = default)
    {
        var time = Options.Time;
        if (!PushSchedule.IsOpen(CommunicationWindow, time.GetLocalNow()))
        {
            return Failed(0, "Outside every communication window.");
        }
        if (RandomisationStartInterval > 0)
        {
            var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * RandomisationStartInterval * 1000);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        string? error = null;
        var attempts = 0;
        for (var retry = 0; retry <= NumberOfRetries; retry++)
        {
            if (retry > 0)
            {
                await Task.Delay(PushSchedule.RetryDelay(RepetitionDelay, retry), time, cancellationToken).ConfigureAwait(false);
            }
            attempts++;
            try
            {
                var apdu = await BuildProtectedAsync(cancellationToken).ConfigureAwait(false);
                await SendAsync(apdu, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _sent);
                return new PushResult(true, attempts, null);
            }
            catch (Exception ex) when (ex is CosemException or IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                error = ex.Message;
                PushSetupLog.AttemptFailed(Options.Logger, LogicalName.ToString(), attempts, ex.Message);
            }
        }
        return Failed(attempts, error);
    }

    /// <summary>
    /// The plain DataNotification this object pushes now: long-invoke-id (counting up, unconfirmed), the current
    /// date-time, and a structure with one element per push_object_list entry.
    /// </summary>
    public async ValueTask<byte[]> BuildNotificationAsync(CancellationToken cancellationToken = default)
    {
        var list = PushObjectList;
        var values = new CosemData[list.Count];
        var buffer = new ArrayBufferWriter<byte>(64);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = await ReadAsync(list[i], buffer, cancellationToken).ConfigureAwait(false);
        }
        var invokeId = Interlocked.Increment(ref _invokeId) & Apdu.LongInvokeIdAndPriority.MaxInvokeId;
        var now = new byte[CosemDateTime.Length];
        CosemDateTime.From(Options.Time.GetLocalNow()).CopyTo(now);
        return new DataNotification(new LongInvokeIdAndPriority(invokeId, confirmed: false, highPriority: false), now,
            CosemData.Structure(values).ToArray()).ToArray();
    }

    private async ValueTask<CosemData> ReadAsync(CaptureObjectDefinition entry, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        if (_device.Find(entry.ClassId, entry.LogicalName) is not { } source)
        {
            return CosemData.Null;
        }
        CosemData value;
        if (entry.AttributeIndex == 0)
        {
            var all = new List<CosemData>(source.Attributes.Count);
            foreach (var attribute in source.Attributes)
            {
                all.Add(await ReadOneAsync(source, attribute.Index, buffer, cancellationToken).ConfigureAwait(false));
            }
            value = CosemData.Structure([.. all]);
        }
        else
        {
            value = await ReadOneAsync(source, entry.AttributeIndex, buffer, cancellationToken).ConfigureAwait(false);
        }
        if (entry.DataIndex == 0)
        {
            return value;
        }
        return value.Type is DataType.Structure or DataType.Array && entry.DataIndex <= value.Count ? value[entry.DataIndex - 1] : CosemData.Null;
    }

    private static async ValueTask<CosemData> ReadOneAsync(CosemObject source, int attribute, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        var result = await source.ReadAttributeAsync(attribute, null, RequestContext.Local, buffer, cancellationToken).ConfigureAwait(false);
        return result == DataAccessResult.Success ? CosemData.Decode(buffer.WrittenSpan) : CosemData.Null;
    }

    private PushResult Failed(int attempts, string? error)
    {
        Interlocked.Increment(ref _failed);
        PushSetupLog.Abandoned(Options.Logger, LogicalName.ToString(), error ?? "unknown");
        return new PushResult(false, attempts, error);
    }
}
