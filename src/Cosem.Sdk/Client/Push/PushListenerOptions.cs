using System.Net;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport.Wrapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Client;

/// <summary>
/// How a <see cref="CosemPushListener"/> (or a <see cref="PushNotificationDecoder"/> on its own) opens, checks and
/// types notifications, and what it lets meters make it hold.
/// </summary>
public sealed class PushListenerOptions
{
    /// <summary>The meters' keys by system title; without it only notifications in the clear are accepted.</summary>
    public IPushKeyProvider? Keys { get; init; }

    /// <summary>The listener's own system title: general-ciphering APDUs addressed to another recipient are refused.
    /// Null accepts any recipient.</summary>
    public SystemTitle? SystemTitle { get; init; }

    /// <summary>Refuses notifications sent in the clear (<see cref="PushRejectionReason.Unprotected"/>).</summary>
    public bool RequireProtection { get; init; }

    /// <summary>
    /// Replay protection: the last invocation counter accepted per meter system title. Share one validator between
    /// listeners (or restore it from storage with <see cref="InvocationCounterValidator.Restore"/>) so a restart or a
    /// second port cannot be replayed into.
    /// </summary>
    public InvocationCounterValidator Counters { get; init; } = new();

    /// <summary>
    /// The sender's system title for APDUs that carry none (service-specific glo- ciphering), from its address and
    /// wPort; called only when the connection has not shown one yet (general-glo-ciphering on the same connection
    /// does). Null: such APDUs are refused as from an unknown meter.
    /// </summary>
    public Func<EndPoint?, int, SystemTitle?>? SystemTitleOf { get; init; }

    /// <summary>
    /// The push_object_list that built a notification, given the notification decoded untyped (its system title,
    /// address and body — many meters push their Push setup's logical name as the first element); null when unknown.
    /// The listener then fills <see cref="PushNotification.Values"/>. Called concurrently.
    /// </summary>
    public Func<PushNotification, IReadOnlyList<PushObjectDescriptor>?>? PushObjectLists { get; init; }

    /// <summary>
    /// Answers a DataNotification sent with service-class confirmed (Push setup push_operation_method 2) with a
    /// data-notification-confirm echoing its long-invoke-id-and-priority, on the connection it came on, once it is
    /// accepted (opened, verified, queued); a refused notification is not confirmed, so the meter retries it. The
    /// confirmation goes in the clear. Default true.
    /// </summary>
    public bool ConfirmDataNotifications { get; init; } = true;

    /// <summary>Connections (TCP connections, UDP peers) open at once; a connection beyond it is closed unread and
    /// counted as <see cref="PushRejectionReason.ConnectionLimit"/>. Default 4,096.</summary>
    public int MaxConnections { get; init; } = 4096;

    /// <summary>A connection (or UDP peer) silent this long is closed. Default 2 minutes.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Decoded notifications waiting for the consumer of <see cref="CosemPushListener.ReadAllAsync"/>; when
    /// full, connections wait (TCP pushes back on the meters; UDP peers lose datagrams beyond 64 queued). Default
    /// 4,096.</summary>
    public int QueueCapacity { get; init; } = 4096;

    /// <summary>Wrapper framing: the largest APDU accepted (frames above it end the connection). The wPorts are
    /// taken from each frame.</summary>
    public WrapperOptions Wrapper { get; init; } = new();

    /// <summary>Where rejections (rate-limited to one per sender and reason per minute) and connection events go.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1, nameof(MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1, nameof(QueueCapacity));
        if (IdleTimeout <= TimeSpan.Zero && IdleTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(IdleTimeout), IdleTimeout, "The idle time-out must be positive or infinite.");
        }
        ArgumentNullException.ThrowIfNull(Counters, nameof(Counters));
        ArgumentNullException.ThrowIfNull(Wrapper, nameof(Wrapper));
        ArgumentNullException.ThrowIfNull(Logger, nameof(Logger));
    }
}
