using System.Globalization;

namespace Cosem.Sdk.Hosting;

/// <summary>
/// The configuration of a hosted <see cref="Server.CosemServer"/> (section <c>Cosem:Server</c> by default): where it
/// listens, its resource limits and its secrets. Logical devices are added in code (<see cref="CosemServerBuilder"/>).
/// Validated when the host starts; <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class CosemServerHostOptions
{
    /// <summary>The default configuration section.</summary>
    public const string DefaultSectionName = "Cosem:Server";

    /// <summary>The listeners; at least one.</summary>
    public List<CosemEndpointOptions> Endpoints { get; set; } = [];

    /// <summary>Connections served at once (every transport together); 1,000 by default.</summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>Connections served at once from one IP address; 100 by default.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 100;

    /// <summary>A connection closes this long after its last useful request; 2 minutes by default, zero never.</summary>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>A connection without a completed association closes this long after it opened; 30 s by default, zero never.</summary>
    public TimeSpan AssociationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Refusals are logged at most once per this interval per remote address; 10 s by default.</summary>
    public TimeSpan RefusalLogInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest SET value or ACTION parameter a client may send in blocks; 1 MiB by default.</summary>
    public int MaxIncomingBlockBytes { get; set; } = 1 << 20;

    /// <summary>
    /// When a listener cannot start (a port in use, say): false (the default) fails the host's start; true logs the
    /// error and serves on the other listeners, and the health check reports Unhealthy.
    /// </summary>
    public bool ContinueOnListenerFailure { get; set; }

    /// <summary>LLS passwords and keys for the device factories; never logged.</summary>
    public CosemSecrets Secrets { get; set; } = new();

    /// <summary>The listeners and limits; the secrets by name only.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Endpoints: [{string.Join(", ", Endpoints)}], MaxConnections: {MaxConnections}, MaxConnectionsPerAddress: {MaxConnectionsPerAddress}, InactivityTimeout: {InactivityTimeout}, AssociationTimeout: {AssociationTimeout}, Secrets: {{ {Secrets} }}");
}
