using Cosem.Sdk.Transport.BlockTransfer;

namespace Cosem.Sdk.Server;

/// <summary>
/// The general block transfer state of one association (procedure: <see cref="GbtBlock"/>): the request being joined
/// from the client's blocks, the answer being sent in blocks, and the client's announced window. One exchange at a
/// time; a new request (plain, or a GBT block 1) starts over.
/// </summary>
internal sealed class AssociationBlockTransfer(int maxRequestBytes)
{
    /// <summary>The request being received (or the last one received) in blocks.</summary>
    public GbtIncoming Incoming { get; } = new(maxRequestBytes);

    /// <summary>The answer being sent in blocks, kept until the next request so lost blocks can be sent again.</summary>
    public GbtOutgoing? Outgoing { get; set; }

    /// <summary>
    /// The buffer the answer in blocks was written into (<see cref="Outgoing"/> sends from it, without a copy), or a
    /// spare one once that transfer is over: the session's response buffer is swapped with it for the next answer.
    /// </summary>
    public System.Buffers.ArrayBufferWriter<byte>? AnswerBuffer { get; set; }

    /// <summary>The client's receive window from its last GBT APDU; 1 until it has sent one.</summary>
    public int ClientWindow { get; set; } = 1;

    /// <summary>Whether the current request came in GBT, so its answer goes in GBT whatever its length.</summary>
    public bool AnswerInBlocks { get; set; }

    /// <summary>The blocks of <see cref="Outgoing"/> to send once the current message is handled.</summary>
    public (ushort First, ushort Last)? PendingWindow { get; set; }

    /// <summary>A plain request arrived: nothing of an earlier transfer continues.</summary>
    public void StartPlainExchange()
    {
        Incoming.Reset();
        Outgoing = null;
        ClientWindow = 1;
        AnswerInBlocks = false;
        PendingWindow = null;
    }

    /// <summary>Block 1 of a request arrived: a new exchange in GBT.</summary>
    public void StartBlockExchange()
    {
        Incoming.Reset();
        Outgoing = null;
        AnswerInBlocks = true;
        PendingWindow = null;
    }
}
