namespace Cosem.Sdk.Transport.Serial;

/// <summary>Settings of the IEC 62056-21 mode E opening on the client side.</summary>
public sealed class ModeEOptions
{
    /// <summary>Optional device address placed in the request message <c>/?address!</c> (§6.3.1).</summary>
    public string? DeviceAddress { get; init; }

    /// <summary>Upper bound on the baud rate to switch to, whatever the device offers.</summary>
    public int MaxBaudRate { get; init; } = 19200;

    /// <summary>How long to wait for the identification message (§6.3.14: up to 1.5 s, plus transmission time at 300 baud).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Pause between sending the acknowledgement and changing the baud rate, so the last character leaves at 300 baud
    /// before the switch (six characters at 300 baud take 220 ms).
    /// </summary>
    public TimeSpan BaudSwitchDelay { get; init; } = TimeSpan.FromMilliseconds(300);
}
