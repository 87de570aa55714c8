using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Transport.BlockTransfer;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Server;

/// <summary>
/// General block transfer between the session and the channel (IEC 62056-5-3 §9.4.6.13; the procedure as read here
/// is on <see cref="GbtBlock"/>). The server never waits inside a transfer: every GBT APDU of the client is one
/// message of the session loop, answered with an acknowledgement, a window of answer blocks, or nothing while the
/// client streams. Lost blocks are recovered by the client's re-requests; the idle time-out ends a client that
/// stops half-way, and <see cref="CosemServerOptions.MaxIncomingBlockBytes"/> bounds a request joined from blocks.
/// </summary>
internal sealed partial class ServerSession
{
    // Created on first use: only sessions that send general block transfer answers need it.
    private ArrayBufferWriter<byte>? _blockBuffer;

    private ArrayBufferWriter<byte> BlockBuffer => _blockBuffer ??= new ArrayBufferWriter<byte>(256);

    // _response already holds a GBT APDU (an acknowledgement): sent as it is, never split again.
    private bool _responseIsBlock;

    /// <summary>Serves one GBT APDU of an association that negotiated general block transfer.</summary>
    private async ValueTask HandleBlockAsync(AssociationState association, ReadOnlyMemory<byte> apdu, IRequestHandler handler,
        CancellationToken cancellationToken)
    {
        var state = association.BlockTransfer ??= new AssociationBlockTransfer(_server.Options.MaxIncomingBlockBytes);
        GeneralBlockTransferFields block;
        try
        {
            block = GeneralBlockTransferFields.Read(apdu);
        }
        catch (CosemEncodingException ex)
        {
            RefuseBlock(state, RequestRefusal.Other($"malformed general-block-transfer: {ex.Message}"));
            return;
        }
        if (block.Window == 0)
        {
            RefuseBlock(state, RequestRefusal.Other($"general-block-transfer block {block.BlockNumber} announces a window of 0"));
            return;
        }
        state.ClientWindow = block.Window;
        if (GbtBlock.IsAck(block))
        {
            // The client acknowledges a window of the answer, or re-requests what followed its last good block.
            if (state.Outgoing is not { } outgoing)
            {
                RefuseBlock(state, RequestRefusal.NotPossible("general-block-transfer acknowledgement with no answer being sent"));
                return;
            }
            state.PendingWindow = outgoing.Window(block.BlockNumberAck, state.ClientWindow, out var violation);
            if (violation is not null)
            {
                RefuseBlock(state, RequestRefusal.Other($"general-block-transfer: {violation}"));
            }
            return;
        }
        var incoming = state.Incoming;
        if (incoming.IsComplete && block.BlockNumber == incoming.LastInSequence && incoming.Data.Span.EndsWith(block.BlockData.Span))
        {
            // The request's last block again: the client did not get the answer's first window. Send it again.
            if (state.Outgoing is { } answer)
            {
                state.PendingWindow = answer.Window(Math.Min(block.BlockNumberAck, answer.LastSent), state.ClientWindow, out _);
            }
            return;
        }
        if (block.BlockNumber == 1)
        {
            // Block 1 starts a request: the first one, the next one, or one the client started again after giving
            // up on a transfer (a resent block 1 in the middle of a window only costs the client a resend).
            state.StartBlockExchange();
        }
        switch (incoming.Accept(block, out var problem))
        {
            case GbtAcceptance.Complete:
                if (incoming.Renumbered)
                {
                    _logger.LogWarning("Tolerated: client {Client} numbered its first general-block-transfer block {Number} instead of 1",
                        association.ClientAddress, incoming.LastInSequence);
                }
                state.AnswerInBlocks = true; // the other party follows: a request in blocks is answered in blocks
                await handler.HandleAsync(association, incoming.Data, _response, cancellationToken).ConfigureAwait(false);
                return;
            case GbtAcceptance.Violation or GbtAcceptance.TooLarge:
                _refusals.Record(RefusalReasons.IncomingBlocksTooLong, $"general-block-transfer: {problem}");
                RefuseBlock(state, RequestRefusal.Other($"general-block-transfer: {problem}"));
                return;
        }
        if (!block.Streaming)
        {
            // The end of the client's window: acknowledge the last block in sequence (after a gap, that asks the
            // client to send the rest again).
            GbtBlock.WriteAck(_response, OwnWindow, state.Outgoing?.LastSent ?? 0, incoming.LastInSequence);
            _responseIsBlock = true;
        }
    }

    private byte OwnWindow => (byte)_server.Options.GeneralBlockTransferWindow;

    /// <summary>
    /// Refuses the transfer and drops it. The EXCEPTION-Response goes in the clear, not in a block: the transfer it
    /// refuses is broken (a window of 0 even announces that no block can be received).
    /// </summary>
    private void RefuseBlock(AssociationBlockTransfer state, RequestRefusal refusal)
    {
        state.StartPlainExchange();
        refusal.Answer(_refusals, _response);
    }

    /// <summary>
    /// Sends what serving the message produced: the answer as it is, or in GBT blocks when the request came in blocks or
    /// the answer exceeds the client's PDU size (GBT negotiated), and any window of blocks the client asked for.
    /// </summary>
    private async ValueTask SendResponseAsync(CancellationToken cancellationToken)
    {
        var association = _served;
        var state = association?.BlockTransfer;
        if (association is not null && _response.WrittenCount > 0 && !_responseIsBlock && association.Allows(Conformance.GeneralBlockTransfer)
            && (state is { AnswerInBlocks: true } || _response.WrittenCount > association.ClientMaxReceivePduSize))
        {
            state = association.BlockTransfer ??= new AssociationBlockTransfer(_server.Options.MaxIncomingBlockBytes);
            // The answer stays where it was written and is sent block by block from there (no copy of it); the buffer
            // of the association's previous answer in blocks, which the new transfer replaces, answers the next request.
            var outgoing = state.Outgoing = new GbtOutgoing(_response.WrittenMemory, GbtBlock.DataSize(association.ClientMaxReceivePduSize));
            state.PendingWindow = outgoing.Window(0, state.ClientWindow, out _);
            (_response, state.AnswerBuffer) = (state.AnswerBuffer ?? new ArrayBufferWriter<byte>(256), _response);
            _response.ResetWrittenCount();
        }
        if (_response.WrittenCount > 0)
        {
            await SendAsync(_response.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        if (state?.PendingWindow is { } window && state.Outgoing is { } blocks)
        {
            state.PendingWindow = null;
            for (var number = window.First; number <= window.Last && number != 0; number++)
            {
                BlockBuffer.ResetWrittenCount();
                blocks.WriteBlock(BlockBuffer, number, window.Last, OwnWindow, state.Incoming.LastInSequence);
                await SendAsync(BlockBuffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                if (number == ushort.MaxValue)
                {
                    break;
                }
            }
        }
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            ServerLog.Sent(_logger, _id, ApduRedaction.ToHex(apdu.Span));
        }
        // An unsolicited report (ServerSession.Unsolicited.cs) may be sent from another thread: one APDU at a time.
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _channel.SendAsync(apdu, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
