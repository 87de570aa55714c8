using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Diagnostics;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Client;

/// <summary>
/// Opens, checks and decodes pushed APDUs, whatever carried them: general-ciphering, general-glo-ciphering and
/// service-specific glo- ciphering with the sender's keys (looked up by system title), the invocation counter checked
/// against the last accepted one (a replay is refused and does not move the window), then DataNotification,
/// EVENT-NOTIFICATION-Request or InformationReport-Request into a <see cref="PushNotification"/>, typed with the
/// sender's push_object_list when <see cref="PushListenerOptions.PushObjectLists"/> knows it. Bad input is refused
/// with a <see cref="PushRejection"/>, counted, and never thrown. Thread-safe: a listener calls it from every
/// connection at once.
/// </summary>
public sealed partial class PushNotificationDecoder
{
    private readonly PushListenerOptions _options;
    private readonly ConcurrentDictionary<SystemTitle, MeterCiphers> _ciphers = new();
    private readonly long[] _lastWarning = new long[Enum.GetValues<PushRejectionReason>().Length];

    /// <summary>A decoder with <paramref name="options"/> (keys, counters, push object lists).</summary>
    public PushNotificationDecoder(PushListenerOptions? options = null)
    {
        _options = options ?? new PushListenerOptions();
        _options.Validate();
    }

    /// <summary>What this decoder delivered and refused so far.</summary>
    public PushListenerStatistics Statistics { get; } = new();

    /// <summary>Raised for every refusal, on the thread that decoded; a handler must be quick and must not throw.</summary>
    public event EventHandler<PushRejection>? Rejected;

    /// <summary>
    /// Decodes one pushed APDU. True with the notification; false with the reason it was refused (counted in
    /// <see cref="Statistics"/>, raised as <see cref="Rejected"/>, logged).
    /// </summary>
    public bool TryDecode(ReadOnlyMemory<byte> apdu, PushOrigin origin, [NotNullWhen(true)] out PushNotification? notification,
        [NotNullWhen(false)] out PushRejection? rejection)
    {
        Statistics.CountReceived();
        notification = null;
        rejection = Open(apdu, origin, out var opened);
        if (rejection is null)
        {
            rejection = DecodePlain(opened, origin, out notification);
        }
        if (rejection is not null)
        {
            Refuse(rejection);
            return false;
        }
        notification = Type(notification!);
        Statistics.CountDelivered();
        PushTelemetry.Delivered();
        return true;
    }

    /// <summary>Counts, raises and logs a refusal the listener made itself (a connection over the limit).</summary>
    internal void Refuse(PushRejection rejection)
    {
        Statistics.CountRejected(rejection.Reason);
        PushTelemetry.Rejected(rejection.Reason);
        var now = Environment.TickCount64;
        ref var last = ref _lastWarning[(int)rejection.Reason];
        var previous = Interlocked.Read(ref last);
        if ((previous == 0 || now - previous >= 60_000) && Interlocked.CompareExchange(ref last, now, previous) == previous)
        {
            PushLog.Rejected(_options.Logger, rejection);
        }
        else
        {
            PushLog.RejectedQuietly(_options.Logger, rejection);
        }
        if (Rejected is { } handlers)
        {
            try
            {
                handlers(this, rejection);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                PushLog.HandlerFailed(_options.Logger, ex.Message);
            }
        }
    }

    private PushNotification Type(PushNotification notification)
    {
        if (notification.Kind != PushNotificationKind.DataNotification || _options.PushObjectLists is not { } lists)
        {
            return notification;
        }
        IReadOnlyList<PushObjectDescriptor>? list;
        try
        {
            list = lists(notification);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return notification with { TypingError = $"The push object list lookup failed: {ex.Message}" };
        }
        if (list is null)
        {
            return notification;
        }
        var values = PushObjectListDecoder.TryDecode(notification.Body, list, out var error);
        return notification with { Values = values, TypingError = error };
    }

    private static PushRejection? DecodePlain(Opened opened, PushOrigin origin, out PushNotification? notification)
    {
        notification = null;
        var plain = opened.Plain;
        if (plain.IsEmpty)
        {
            return new PushRejection(PushRejectionReason.Malformed, origin.RemoteEndPoint, opened.SystemTitle, "The APDU is empty.");
        }
        var tag = (ApduTag)plain.Span[0];
        if (tag is not (ApduTag.DataNotification or ApduTag.EventNotificationRequest or ApduTag.InformationReportRequest))
        {
            return new PushRejection(PushRejectionReason.Unsupported, origin.RemoteEndPoint, opened.SystemTitle,
                $"An APDU with tag {(byte)tag} is not a notification.");
        }
        try
        {
            notification = DecodeNotification(plain, origin with { SystemTitle = opened.SystemTitle }, opened.Protection, opened.Header);
            if (opened.Signed)
            {
                notification = notification with { Signed = true };
            }
            return null;
        }
        catch (CosemEncodingException ex)
        {
            return new PushRejection(PushRejectionReason.Malformed, origin.RemoteEndPoint, opened.SystemTitle, $"The {tag} does not decode: {ex.Message}");
        }
    }

    /// <summary>Decodes a plain notification APDU; throws <see cref="CosemEncodingException"/> when it does not decode
    /// or is another service. The notification keeps <paramref name="plain"/>.</summary>
    internal static PushNotification DecodeNotification(ReadOnlyMemory<byte> plain, PushOrigin origin, PushProtection protection, SecurityHeader? header)
    {
        var common = new PushNotification
        {
            Kind = PushNotificationKind.DataNotification,
            Body = CosemData.Null,
            RemoteEndPoint = origin.RemoteEndPoint,
            SourceAddress = origin.SourceAddress,
            DestinationAddress = origin.DestinationAddress,
            SystemTitle = origin.SystemTitle,
            Protection = protection,
            SecurityControl = header?.Control,
            InvocationCounter = header?.InvocationCounter,
            Apdu = plain,
            ReceivedAt = DateTimeOffset.UtcNow,
        };
        return ApduDecoder.DecodeXdlms(plain) switch
        {
            DataNotification data => common with
            {
                LongInvokeIdAndPriority = data.LongInvokeIdAndPriority,
                DateTime = DateTimeOf(data.DateTime),
                Body = CosemData.Decode(data.Body.Span),
            },
            EventNotificationRequest @event => common with
            {
                Kind = PushNotificationKind.EventNotification,
                DateTime = @event.Time is { } time ? DateTimeOf(time) : null,
                Attribute = @event.AttributeDescriptor,
                Body = CosemData.Decode(@event.Value.Span),
            },
            InformationReportRequest report => common with
            {
                Kind = PushNotificationKind.InformationReport,
                DateTime = DateTimeOf(report.CurrentTime),
                Body = CosemData.Structure([.. report.Data.Select(d => CosemData.Decode(d.Span))]),
            },
            var other => throw new CosemEncodingException($"{other.GetType().Name} is not a notification."),
        };
    }

    private static CosemDateTime? DateTimeOf(ReadOnlyMemory<byte> bytes) =>
        bytes.Length == CosemDateTime.Length ? new CosemDateTime(bytes.Span) : null;

    /// <summary>The plain APDU with how it was protected.</summary>
    private readonly record struct Opened(ReadOnlyMemory<byte> Plain, PushProtection Protection, SystemTitle? SystemTitle, SecurityHeader? Header,
        bool Signed = false);
}
