namespace Cosem.HeadEnd.Security;

/// <summary>
/// Security material for one association, resolved from an <see cref="IMeterKeyStore"/> when a session starts and
/// dropped when it ends: never part of grain state. Each part is optional; the meter's settings say which are used.
/// </summary>
public sealed class MeterKeys
{
    /// <summary>Material with only a low-level authentication (LLS) password.</summary>
    public MeterKeys(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        Password = password;
    }

    /// <summary>Material set through the init properties (HLS secret, ciphering keys, a password).</summary>
    public MeterKeys()
    {
    }

    /// <summary>The LLS password, or null.</summary>
    public string? Password { get; init; }

    /// <summary>The HLS secret of mechanisms 3, 4 and 6; empty for none.</summary>
    public ReadOnlyMemory<byte> HlsSecret { get; init; }

    /// <summary>The global unicast encryption key (GUEK, 16 bytes for suite 0); empty for none.</summary>
    public ReadOnlyMemory<byte> GlobalUnicastKey { get; init; }

    /// <summary>The global broadcast encryption key (GBEK); empty for none.</summary>
    public ReadOnlyMemory<byte> GlobalBroadcastKey { get; init; }

    /// <summary>The authentication key (AK) of GMAC tags and HLS mechanism 5; empty for none.</summary>
    public ReadOnlyMemory<byte> AuthenticationKey { get; init; }

    /// <summary>Says which parts are present, never their values.</summary>
    public override string ToString() =>
        $"MeterKeys(password {Presence(Password is not null)}, HLS secret {Presence(!HlsSecret.IsEmpty)}, " +
        $"unicast key {Presence(!GlobalUnicastKey.IsEmpty)}, broadcast key {Presence(!GlobalBroadcastKey.IsEmpty)}, " +
        $"authentication key {Presence(!AuthenticationKey.IsEmpty)})";

    private static string Presence(bool present) => present ? "set" : "absent";
}
