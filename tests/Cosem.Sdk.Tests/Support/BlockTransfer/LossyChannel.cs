using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Tests.BlockTransfer;

/// <summary>
/// A client-side channel decorator that records every APDU both ways and loses chosen ones, as a datagram link
/// would: a lost APDU sent never reaches the meter, a lost APDU received never reaches the client. APDUs are
/// chosen by their 1-based position among the GBT APDUs of that direction.
/// </summary>
internal sealed class LossyChannel(IApduChannel inner) : IApduChannel
{
    private int _blocksSent;
    private int _blocksReceived;

    /// <summary>Positions (1-based, among GBT APDUs sent) that are lost on the way to the meter.</summary>
    public HashSet<int> LoseSent { get; } = [];

    /// <summary>Positions (1-based, among GBT APDUs received) that are lost on the way to the client.</summary>
    public HashSet<int> LoseReceived { get; } = [];

    /// <summary>How many sent APDUs were lost.</summary>
    public int LostSent { get; private set; }

    /// <summary>How many received APDUs were lost.</summary>
    public int LostReceived { get; private set; }

    /// <summary>Every APDU the client sent (lost ones included).</summary>
    public List<byte[]> Sent { get; } = [];

    /// <summary>Every APDU that arrived (lost ones included).</summary>
    public List<byte[]> Received { get; } = [];

    /// <summary>The GBT APDUs among <see cref="Received"/>, decoded.</summary>
    public IEnumerable<GeneralBlockTransfer> ReceivedBlocks => Blocks(Received);

    /// <summary>The GBT APDUs among <see cref="Sent"/>, decoded.</summary>
    public IEnumerable<GeneralBlockTransfer> SentBlocks => Blocks(Sent);

    public static ClientTransport Wrap(ClientTransport transport, Action<LossyChannel> created) =>
        ClientTransport.Custom($"lossy {transport}", async (options, ct) =>
        {
            var channel = new LossyChannel(await transport.OpenAsync(options, NullLoggerFactory.Instance, ct));
            created(channel);
            return channel;
        });

    public ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default)
    {
        var bytes = apdu.ToArray();
        lock (Sent)
        {
            Sent.Add(bytes);
        }
        if (IsBlock(bytes) && LoseSent.Contains(++_blocksSent))
        {
            LostSent++;
            return ValueTask.CompletedTask;
        }
        return inner.SendAsync(bytes, cancellationToken);
    }

    public async ValueTask<ApduMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var message = await inner.ReceiveAsync(cancellationToken);
            lock (Received)
            {
                Received.Add(message.ToArray());
            }
            if (IsBlock(message.Span) && LoseReceived.Contains(++_blocksReceived))
            {
                LostReceived++;
                message.Dispose();
                continue;
            }
            return message;
        }
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private static bool IsBlock(ReadOnlySpan<byte> apdu) => !apdu.IsEmpty && apdu[0] == (byte)ApduTag.GeneralBlockTransfer;

    private static List<GeneralBlockTransfer> Blocks(List<byte[]> apdus)
    {
        lock (apdus)
        {
            return apdus.Where(a => IsBlock(a)).Select(a => (GeneralBlockTransfer)ApduDecoder.Decode(a)).ToList();
        }
    }
}
