using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
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

    /// <summary>How each data-notification is ciphered. Default: in the clear.</summary>
    public PushCiphering Protection { get; init; } = PushCiphering.None;

    /// <summary>The head-end's system title, the recipient named by general-ciphering; zero when unknown.</summary>
    public SystemTitle Recipient { get; init; }

    /// <summary>The clock for communication windows, randomisation and repetition delays (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Sends one protected APDU to the destination (a transport other than the TCP/UDP wrapper, a test
    /// double); null sends with the wrapper over TCP or UDP as send_destination_and_method says.</summary>
    public Func<SendDestinationAndMethod, ReadOnlyMemory<byte>, CancellationToken, ValueTask>? Send { get; init; }

    /// <summary>Longest wait for a TCP connection to the destination. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where failed attempts and skipped pushes are logged (never key material).</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
