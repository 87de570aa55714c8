using System.Globalization;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Hosting;

/// <summary>
/// A named meter connection (section <c>Cosem:Clients:&lt;name&gt;</c> by default): where the meter is, the
/// addresses and how to authenticate. <see cref="ToString"/> never shows the password.
/// </summary>
public sealed class CosemClientOptions
{
    /// <summary>The section the named options bind from: <c>Cosem:Clients:&lt;name&gt;</c>.</summary>
    public const string DefaultSectionPrefix = "Cosem:Clients";

    /// <summary>Host name or IP address of the meter.</summary>
    public string Host { get; set; } = "";

    /// <summary>Port; 4059 by default.</summary>
    public int Port { get; set; } = 4059;

    /// <summary><c>tcp</c> (wrapper over TCP, the default), <c>udp</c> (wrapper over UDP) or <c>hdlc-tcp</c> (HDLC over TCP).</summary>
    public string Transport { get; set; } = "tcp";

    /// <summary>Client SAP: 16 the public client (default), 1 the management client; configured as a number
    /// (<c>"16"</c> or <c>"0x10"</c>).</summary>
    public CosemAddress ClientAddress { get; set; } = CosemAddress.PublicClient;

    /// <summary>Logical device (server SAP / HDLC upper address); 1 by default.</summary>
    public CosemAddress ServerAddress { get; set; } = CosemAddress.ManagementLogicalDevice;

    /// <summary>HDLC lower (physical) address; none by default.</summary>
    public int? PhysicalAddress { get; set; }

    /// <summary><c>none</c> (the default) or <c>low</c> (LLS with <see cref="Password"/>).</summary>
    public string Authentication { get; set; } = "none";

    /// <summary>The LLS password; from a secret store (user secrets, environment, key vault), never logged.</summary>
    public string? Password { get; set; }

    /// <summary>How long one request may take; 10 s by default.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// General block transfer: 0 (the default) does not propose it; 1–63 proposes it with that receive window
    /// (<see cref="Client.AssociationOptions.GeneralBlockTransferWindow"/>). Over <c>udp</c> the client then re-requests
    /// lost blocks after an eighth of <see cref="RequestTimeout"/> (at most 1 s) of silence.
    /// </summary>
    public int GeneralBlockTransferWindow { get; set; }

    /// <summary>The connection settings; the password hidden.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Transport} {Host}:{Port}, client {ClientAddress}, server {ServerAddress}, authentication {Authentication}{(string.IsNullOrEmpty(Password) ? "" : " (password hidden)")}");
}
