using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The behaviour every version of Push setup shares: when to push (communication windows, randomisation, retries),
/// what (a DataNotification from push_object_list) and how (protection, transport — see the Sending part). Each
/// version's server object hands it its attributes as <see cref="PushSettings"/>.
/// </summary>
internal sealed partial class PushEngine
{
    private readonly string _name;
    private readonly LogicalDevice _device;
    private readonly Func<PushSettings> _settings;
    private readonly Lock _lock = new();
    private Task _background = Task.CompletedTask;
    private uint _invokeId;
    private long _sent;
    private long _failed;

    public PushEngine(string name, LogicalDevice device, PushSetupServerOptions? options, Func<PushSettings> settings)
    {
        _name = name;
        _device = device ?? throw new ArgumentNullException(nameof(device));
        _settings = settings;
        Options = options ?? new PushSetupServerOptions();
        if ((Options.Protection != PushCiphering.None || Options.Signed) && Options.Security is null)
        {
            throw new ArgumentException("A ciphered or signed push needs the association security (keys, signing key and system title).", nameof(options));
        }
        if (Options.Signed && Options.Security!.SigningKey is null)
        {
            throw new ArgumentException("A signed push needs the association security's SigningKey.", nameof(options));
        }
    }

    public PushSetupServerOptions Options { get; }

    public long SentCount => Interlocked.Read(ref _sent);

    public long FailedCount => Interlocked.Read(ref _failed);

    public Task<PushResult> TriggerAsync(CancellationToken cancellationToken)
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

    public async Task<PushResult> PushNowAsync(CancellationToken cancellationToken)
    {
        var settings = _settings();
        var time = Options.Time;
        var now = time.GetLocalNow();
        if (!PushSchedule.IsOpen(settings.Windows, now))
        {
            // Blue Book §4.4.8: a push triggered outside the windows starts in the first window that opens after it.
            if (!Options.PostponeToNextWindow || PushSchedule.NextOpening(settings.Windows, now) is not { } opening)
            {
                return Failed(0, "Outside every communication window.");
            }
            PushSetupLog.Postponed(Options.Logger, _name, opening);
            await Task.Delay(opening - now, time, cancellationToken).ConfigureAwait(false);
        }
        if (settings.RandomisationStartInterval > 0)
        {
            var delay = TimeSpan.FromMilliseconds(Options.Random.NextDouble() * settings.RandomisationStartInterval * 1000);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        var asksConfirmation = AsksConfirmation(settings, time.GetLocalNow(), settings.LastConfirmation);
        string? error = null;
        var attempts = 0;
        try
        {
            for (var retry = 0; retry <= settings.NumberOfRetries; retry++)
            {
                if (retry > 0)
                {
                    await Task.Delay(settings.RetryDelay(retry), time, cancellationToken).ConfigureAwait(false);
                }
                attempts++;
                try
                {
                    var (apdu, invokeId) = await BuildProtectedAsync(settings, asksConfirmation, cancellationToken).ConfigureAwait(false);
                    // Waiting starts before sending, so a confirmation that beats the send's completion is not lost.
                    var pending = asksConfirmation ? StartWaiting(invokeId) : null;
                    await SendAsync(settings, apdu, pending, cancellationToken).ConfigureAwait(false);
                    if (pending is not null)
                    {
                        await WaitForConfirmationAsync(pending, cancellationToken).ConfigureAwait(false);
                        settings.Confirmed?.Invoke(CosemDateTime.From(time.GetLocalNow()));
                        PushSetupLog.Confirmed(Options.Logger, _name, invokeId);
                    }
                    Interlocked.Increment(ref _sent);
                    return new PushResult(true, attempts, null) { Confirmed = pending is not null };
                }
                catch (CosemSecurityException ex)
                {
                    // A protection that cannot be applied will not be applicable on a retry either; never sent plain.
                    return Failed(attempts, ex.Message);
                }
                catch (Exception ex) when (ex is CosemException or IOException or System.Net.Sockets.SocketException or TimeoutException)
                {
                    error = ex.Message;
                    PushSetupLog.AttemptFailed(Options.Logger, _name, attempts, ex.Message);
                }
            }
        }
        finally
        {
            if (asksConfirmation)
            {
                StopWaiting();
            }
        }
        return Failed(attempts, error);
    }

    public async ValueTask<byte[]> BuildNotificationAsync(IReadOnlyList<CaptureObjectDefinition> list, CancellationToken cancellationToken) =>
        (await BuildNotificationAsync(list, confirmed: false, cancellationToken).ConfigureAwait(false)).Apdu;

    /// <summary>The DataNotification and its invoke-id; <paramref name="confirmed"/> sets service-class confirmed.</summary>
    private async ValueTask<(byte[] Apdu, uint InvokeId)> BuildNotificationAsync(IReadOnlyList<CaptureObjectDefinition> list, bool confirmed, CancellationToken cancellationToken)
    {
        var values = new CosemData[list.Count];
        var buffer = new ArrayBufferWriter<byte>(64);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = await ReadAsync(list[i], buffer, cancellationToken).ConfigureAwait(false);
        }
        var invokeId = Interlocked.Increment(ref _invokeId) & LongInvokeIdAndPriority.MaxInvokeId;
        var now = new byte[CosemDateTime.Length];
        CosemDateTime.From(Options.Time.GetLocalNow()).CopyTo(now);
        return (new DataNotification(new LongInvokeIdAndPriority(invokeId, confirmed, highPriority: false), now,
            CosemData.Structure(values).ToArray()).ToArray(), invokeId);
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

    /// <summary>push_object_list with one more entry: <paramref name="attribute"/> (element
    /// <paramref name="dataIndex"/>) of <paramref name="source"/>.</summary>
    public static IReadOnlyList<CaptureObjectDefinition> Append(IReadOnlyList<CaptureObjectDefinition> list, CosemObject source, sbyte attribute, ushort dataIndex)
    {
        ArgumentNullException.ThrowIfNull(source);
        return [.. list, new CaptureObjectDefinition(source.ClassId, source.LogicalName, attribute, dataIndex)];
    }

    private PushResult Failed(int attempts, string? error)
    {
        Interlocked.Increment(ref _failed);
        PushSetupLog.Abandoned(Options.Logger, _name, error ?? "unknown");
        return new PushResult(false, attempts, error);
    }
}
