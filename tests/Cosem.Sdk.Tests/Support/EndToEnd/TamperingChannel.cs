using Cosem.Sdk.Client;
using Cosem.Sdk.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// A test-only channel decorator between our client and the real transport: it records what is sent and can flip a
/// byte of, or replace, the next APDU in either direction — the man in the middle of the failure tests.
/// </summary>
internal sealed class TamperingChannel(IApduChannel inner) : IApduChannel
{
    /// <summary>Every APDU sent, as sent (after any tampering).</summary>
    public List<byte[]> Sent { get; } = [];

    /// <summary>Flip the last byte (inside the authentication tag) of the next APDU sent.</summary>
    public bool FlipNextSent { get; set; }

    /// <summary>Flip the last byte of the next APDU received.</summary>
    public bool FlipNextReceived { get; set; }

    /// <summary>Send these bytes instead of the next APDU.</summary>
    public byte[]? ReplaceNextSent { get; set; }

    /// <summary>Hand the next APDU received to the client as this function rewrites it.</summary>
    public Func<byte[], byte[]>? RewriteNextReceived { get; set; }

    /// <summary>A transport that opens <paramref name="transport"/>'s channel and hands it to <paramref name="created"/> wrapped.</summary>
    public static ClientTransport Wrap(ClientTransport transport, Action<TamperingChannel> created) =>
        ClientTransport.Custom($"tampering {transport}", async (options, ct) =>
        {
            var channel = new TamperingChannel(await transport.OpenAsync(options, NullLoggerFactory.Instance, ct));
            created(channel);
            return channel;
        });

    public ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default)
    {
        var bytes = apdu.ToArray();
        if (ReplaceNextSent is { } replacement)
        {
            bytes = replacement;
            ReplaceNextSent = null;
        }
        else if (FlipNextSent)
        {
            bytes[^1] ^= 0x01;
            FlipNextSent = false;
        }
        Sent.Add(bytes);
        return inner.SendAsync(bytes, cancellationToken);
    }

    public async ValueTask<ApduMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        var message = await inner.ReceiveAsync(cancellationToken);
        if (RewriteNextReceived is { } rewrite)
        {
            RewriteNextReceived = null;
            using (message)
            {
                return ApduMessage.Create(rewrite(message.ToArray()), message.SourceAddress, message.DestinationAddress);
            }
        }
        if (!FlipNextReceived)
        {
            return message;
        }
        FlipNextReceived = false;
        using (message)
        {
            var bytes = message.ToArray();
            bytes[^1] ^= 0x01;
            return ApduMessage.Create(bytes, message.SourceAddress, message.DestinationAddress);
        }
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
