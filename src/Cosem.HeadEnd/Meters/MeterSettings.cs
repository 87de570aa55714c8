using System.Globalization;

namespace Cosem.HeadEnd.Meters;

/// <summary>
/// Everything the head-end needs to read one meter. Holds a <see cref="KeyName">reference</see> to the meter's
/// security material, never the material itself, so grain state and logs carry no secret.
/// </summary>
[GenerateSerializer, Immutable, Alias("Cosem.HeadEnd.MeterSettings")]
public sealed record MeterSettings
{
    /// <summary>The meter's identity in the head-end: the grain key and the <c>meter</c> column of every reading.</summary>
    [Id(0)]
    public required string MeterId { get; init; }

    /// <summary>Host name or address of the meter, modem or gateway.</summary>
    [Id(1)]
    public required string Host { get; init; }

    /// <summary>TCP port at <see cref="Host"/>.</summary>
    [Id(2)]
    public required int Port { get; init; }

    /// <summary>Wrapper or HDLC over TCP.</summary>
    [Id(3)]
    public MeterTransport Transport { get; init; } = MeterTransport.Wrapper;

    /// <summary>The server SAP (logical device): wrapper destination wPort or HDLC upper address.</summary>
    [Id(4)]
    public int ServerAddress { get; init; } = 1;

    /// <summary>The HDLC lower (physical device) address of a meter behind a shared gateway; null for none.</summary>
    [Id(5)]
    public int? PhysicalAddress { get; init; }

    /// <summary>The client SAP: 16 (public, no authentication) or the one the key store's material is for.</summary>
    [Id(6)]
    public int ClientAddress { get; init; } = 16;

    /// <summary>The name of the security material in the <see cref="Security.IMeterKeyStore"/>; null for no
    /// authentication.</summary>
    [Id(7)]
    public string? KeyName { get; init; }

    /// <summary>The meter's system title (16 hex digits) under which its pushes arrive; null if it does not push.</summary>
    [Id(8)]
    public string? SystemTitle { get; init; }

    /// <summary>The time between scheduled reads (the reminder period).</summary>
    [Id(9)]
    public TimeSpan ReadInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>What each read fetches.</summary>
    [Id(10)]
    public ReadPlan Plan { get; init; } = ReadPlan.Default;

    /// <summary>Read once when pushed to (a push usually means new data or an alarm).</summary>
    [Id(11)]
    public bool ReadOnPush { get; init; }

    /// <summary>
    /// The meter's push_object_list (attribute 2 of its Push setup), one <c>class/logical name/attribute</c> per entry
    /// (e.g. <c>3/1.0.1.8.0.255/2</c>), in order. With it, the values of a plain DataNotification are stored as
    /// readings like polled ones; empty to only count pushes.
    /// </summary>
    [Id(12)]
    public string[] PushObjects { get; init; } = [];

    /// <summary>How the head-end authenticates; the secret it needs comes from the key store under
    /// <see cref="KeyName"/>.</summary>
    [Id(13)]
    public MeterAuthentication Authentication { get; init; }

    /// <summary>The protection of the session's APDUs (security suite 0); the keys come from the key store.</summary>
    [Id(14)]
    public MeterCiphering Ciphering { get; init; }

    /// <summary>The head-end's own system title towards this meter (16 hex digits): needed for HLS 5 and 6 and for
    /// ciphering. Not a secret.</summary>
    [Id(15)]
    public string? ClientSystemTitle { get; init; }

    /// <summary>
    /// The key under which sessions are serialised for <see cref="MeterTransport.HdlcOverTcp"/> (a modem carries one
    /// session at a time): <c>host:port</c>. Null for the wrapper, which has no such limit.
    /// </summary>
    public string? GatewayKey => Transport == MeterTransport.HdlcOverTcp
        ? string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}")
        : null;
}
