using System.Text;

namespace Cosem.Sdk.Transport.Serial;

/// <summary>
/// The IEC 62056-21 opening that leads into HDLC protocol mode E (IEC 62056-21 Annex E; Green Book "three-layer,
/// connection-oriented, HDLC based profile" over an optical port): request <c>/?!</c> at 300 baud 7E1, the device's
/// identification, the acknowledgement <c>ACK 2 Z 2 CR LF</c> selecting protocol mode E (HDLC) at baud rate Z, then
/// both sides switch to Z baud 8N1 and speak HDLC.
/// </summary>
public static class ModeE
{
    private const byte Ack = 0x06;
    private const int MaxMessageLength = 128;

    /// <summary>The baud rate a Z character of modes C and E stands for (IEC 62056-21 §6.3.14).</summary>
    public static int BaudRateOf(char z) => z switch
    {
        '0' => 300,
        '1' => 600,
        '2' => 1200,
        '3' => 2400,
        '4' => 4800,
        '5' => 9600,
        '6' => 19200,
        _ => throw new CosemTransportException(TransportErrorKind.OpeningFailed, $"'{z}' is not a baud rate character of IEC 62056-21 modes C/E."),
    };

    /// <summary>The Z character for <paramref name="baudRate"/>; the highest one not above it.</summary>
    public static char CharacterOf(int baudRate)
    {
        var z = '0';
        for (var c = '1'; c <= '6'; c++)
        {
            if (BaudRateOf(c) <= baudRate)
            {
                z = c;
            }
        }
        return z;
    }

    /// <summary>
    /// Client side: runs the opening and leaves the line at the agreed baud rate in 8N1, ready for HDLC.
    /// Returns the device's identification.
    /// </summary>
    public static async Task<ModeEIdentification> OpenAsync(ISerialLine line, ModeEOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        options ??= new ModeEOptions();
        await line.ConfigureAsync(SerialLineSettings.Opening, cancellationToken).ConfigureAwait(false);
        await WriteAsync(line, Encoding.ASCII.GetBytes($"/?{options.DeviceAddress}!\r\n"), cancellationToken).ConfigureAwait(false);

        var message = await ReadLineAsync(line, '/', options.ResponseTimeout, cancellationToken).ConfigureAwait(false);
        var identification = ParseIdentification(message);
        var z = (char)Math.Min(identification.BaudRateCharacter, CharacterOf(options.MaxBaudRate));

        // ACK, protocol control '2' (HDLC, mode E), baud rate Z, mode control '2' (binary/HDLC) (§6.3.3, Annex E).
        await WriteAsync(line, [Ack, (byte)'2', (byte)z, (byte)'2', (byte)'\r', (byte)'\n'], cancellationToken).ConfigureAwait(false);
        await Task.Delay(options.BaudSwitchDelay, cancellationToken).ConfigureAwait(false);
        await line.ConfigureAsync(SerialLineSettings.Hdlc(BaudRateOf(z)), cancellationToken).ConfigureAwait(false);
        return identification;
    }

    /// <summary>
    /// Device side (for simulators): waits for a request, answers with <paramref name="identity"/>, reads the
    /// acknowledgement and switches the line to the chosen baud rate in 8N1. Returns that baud rate.
    /// </summary>
    public static async Task<int> AcceptAsync(ISerialLine line, ModeEIdentification identity, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(identity);
        await line.ConfigureAsync(SerialLineSettings.Opening, cancellationToken).ConfigureAwait(false);
        var request = await ReadLineAsync(line, '/', Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        if (!request.StartsWith("/?", StringComparison.Ordinal) || !request.EndsWith('!'))
        {
            throw new CosemTransportException(TransportErrorKind.OpeningFailed, $"'{request}' is not an IEC 62056-21 request message.");
        }
        await WriteAsync(line, Encoding.ASCII.GetBytes(identity.Format() + "\r\n"), cancellationToken).ConfigureAwait(false);
        var ack = await ReadLineAsync(line, (char)Ack, timeout, cancellationToken).ConfigureAwait(false);
        if (ack.Length != 4 || ack[1] != '2' || ack[3] != '2')
        {
            throw new CosemTransportException(TransportErrorKind.OpeningFailed,
                $"The acknowledgement {Convert.ToHexString(Encoding.ASCII.GetBytes(ack))} does not select HDLC protocol mode E.");
        }
        var z = ack[2];
        if (z > identity.BaudRateCharacter)
        {
            throw new CosemTransportException(TransportErrorKind.OpeningFailed, $"The client chose baud rate '{z}', above the offered '{identity.BaudRateCharacter}'.");
        }
        var baudRate = BaudRateOf(z);
        await line.ConfigureAsync(SerialLineSettings.Hdlc(baudRate), cancellationToken).ConfigureAwait(false);
        return baudRate;
    }

    /// <summary>Parses an identification message (without CR LF) liberally: any number of <c>\W</c> escapes.</summary>
    public static ModeEIdentification ParseIdentification(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length < 5 || message[0] != '/')
        {
            throw new CosemTransportException(TransportErrorKind.OpeningFailed, $"'{message}' is not an IEC 62056-21 identification message.");
        }
        var z = message[4];
        BaudRateOf(z);
        var rest = message.AsSpan(5);
        var modeE = false;
        while (rest.Length >= 2 && rest[0] == '\\')
        {
            modeE |= rest[1] == '2';
            rest = rest[2..];
        }
        return new ModeEIdentification(message[1..4], z, modeE, rest.ToString());
    }

    private static async Task WriteAsync(ISerialLine line, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            await line.Stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await line.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, "The serial line failed while sending.", ex);
        }
    }

    // Reads from the first <start> character up to CR LF; parity bits are masked off (7E1 received as 8 bits).
    private static async Task<string> ReadLineAsync(ISerialLine line, char start, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(timeout);
        }
        var text = new StringBuilder();
        var one = new byte[1];
        var started = false;
        try
        {
            while (true)
            {
                var read = await line.Stream.ReadAsync(one, deadline.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new CosemTransportException(TransportErrorKind.ConnectionClosed, "The serial line closed during the IEC 62056-21 opening.");
                }
                var c = (char)(one[0] & 0x7F);
                if (!started)
                {
                    started = c == start;
                    if (!started)
                    {
                        continue; // line noise before the message
                    }
                }
                if (c == '\n' && text.Length > 0 && text[^1] == '\r')
                {
                    return text.ToString(0, text.Length - 1);
                }
                text.Append(c);
                if (text.Length > MaxMessageLength)
                {
                    throw new CosemTransportException(TransportErrorKind.OpeningFailed, "An IEC 62056-21 message exceeded 128 characters.");
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CosemTransportException(TransportErrorKind.Timeout, $"No complete IEC 62056-21 message within {timeout}.");
        }
    }
}
