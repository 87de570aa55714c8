using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport.Hdlc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Objects;

/// <summary>How a <see cref="PushSetupServer"/> protects and sends its pushes.</summary>
public sealed class PushSetupServerOptions
{
    /// <summary>The keys, system title and invocation counter the pushes are protected with (normally the Security
    /// setup's <see cref="SecuritySetupServer.Security"/>); required unless <see cref="Protection"/> is
    /// <see cref="PushCiphering.None"/>.</summary>
    public AssociationSecurity? Security { get; init; }

    /// <summary>How each data-notification is ciphered while push_protection_parameters is empty; when it is set,
    /// it decides the protection and this only picks the envelope (general-glo-ciphering for
    /// <see cref="PushCiphering.GeneralGlobal"/>, else general-ciphering). Default: in the clear.</summary>
    public PushCiphering Protection { get; init; } = PushCiphering.None;

    /// <summary>The head-end's system title, the recipient named by general-ciphering; zero when unknown.</summary>
    public SystemTitle Recipient { get; init; }

    /// <summary>The clock for communication windows, randomisation and repetition delays (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Sends one protected APDU to the destination (another transport, a test double); null sends as
    /// send_destination_and_method says: the wrapper over TCP or UDP, or <see cref="HdlcLink"/>.</summary>
    public Func<SendDestinationAndMethod, ReadOnlyMemory<byte>, CancellationToken, ValueTask>? Send { get; init; }

    /// <summary>Wraps every push (ciphered or not) in general-signing with <see cref="AssociationSecurity.SigningKey"/>
    /// (ECDSA, suite 1 or 2), naming <see cref="Recipient"/>; requires <see cref="Security"/> with a signing key.
    /// Used while push_protection_parameters is empty.</summary>
    public bool Signed { get; init; }

    /// <summary>The HDLC link pushes with transport service hdlc go over, each as one UI frame (a push is unconfirmed);
    /// an APDU longer than the link's information field is refused (UI frames are not segmented).</summary>
    public HdlcLink? HdlcLink { get; init; }

    /// <summary>Whether a push triggered outside every communication window waits for the next window to open (as the
    /// Blue Book has it) instead of being dropped. Default true; a list of windows that all lie in the past still
    /// drops it.</summary>
    public bool PostponeToNextWindow { get; init; } = true;

    /// <summary>Draws the randomisation start delay (a seeded or fixed one in tests). Default <see cref="System.Random.Shared"/>.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>How long a confirmed push (push_operation_method 2) waits for the destination's
    /// data-notification-confirm before the attempt counts as failed and is retried after repetition_delay. Measured
    /// on <see cref="Time"/>. Default 30 seconds.</summary>
    public TimeSpan ConfirmationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for a TCP connection to the destination. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where failed attempts and skipped pushes are logged (never key material).</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
