using System.Buffers;
using System.Runtime.CompilerServices;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.BlockTransfer;

namespace Cosem.Sdk.Client;

/// <summary>
/// General block transfer between the client's exchange and the channel (IEC 62056-5-3 §9.4.6.13; the procedure as
/// read here is on <see cref="GbtBlock"/>). When the meter granted it and <see cref="AssociationOptions.GeneralBlockTransferWindow"/>
/// proposed it, a request longer than the meter's PDU size goes out in blocks, and an answer that comes in blocks is
/// joined before it is opened and decoded; the protected APDU is what travels in blocks. Everything stays inside one
/// exchange, so <see cref="AssociationOptions.RequestTimeout"/> bounds the whole transfer.
/// </summary>
public sealed partial class CosemClient
{
    // Re-requests in a row that bring nothing new before the transfer is given up (lost blocks, jumping numbers).
    private const int MaxBlockRecoveries = 8;

    private readonly ArrayBufferWriter<byte> _gbtBlock = new(256);
    private GbtIncoming? _gbtIn;
    private GbtOutgoing? _gbtOut;
    private ApduMessage? _gbtPending;
    private bool _gbtReceiving;
    private int _gbtPeerWindow = 1;
    private int _gbtStalls;
    private int _gbtLastAckSent = -1;

    private bool UsesGeneralBlockTransfer => Options.GeneralBlockTransferWindow > 0 && Granted(Conformance.GeneralBlockTransfer);

    /// <summary>The longest request this association can send: any length once GBT is in use.</summary>
    private int RequestLimit => UsesGeneralBlockTransfer ? int.MaxValue : ServerMaxReceivePduSize;

    private byte OwnWindow => (byte)Options.GeneralBlockTransferWindow;

    /// <summary>Sends one request APDU, in GBT blocks when it is longer than the meter accepts; starts a new exchange.</summary>
    private ValueTask SendApduAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken)
    {
        _gbtOut = null;
        _gbtIn?.Reset();
        _gbtReceiving = false;
        _gbtStalls = 0;
        _gbtLastAckSent = -1;
        _gbtPending?.Dispose();
        _gbtPending = null;
        if (!UsesGeneralBlockTransfer || apdu.Length <= ServerMaxReceivePduSize)
        {
            return _channel.SendAsync(apdu, cancellationToken);
        }
        return SendInBlocksAsync(apdu, cancellationToken);
    }

    private async ValueTask SendInBlocksAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken)
    {
        var outgoing = _gbtOut = new GbtOutgoing(apdu, GbtBlock.DataSize(ServerMaxReceivePduSize));
        // The meter's window is unknown until its first acknowledgement: the first block goes alone.
        _gbtPeerWindow = 1;
        ushort acknowledged = 0;
        while (true)
        {
            var window = outgoing.Window(acknowledged, _gbtPeerWindow, out var violation)
                ?? throw new CosemProtocolException($"General block transfer: {violation}.");
            await SendBlocksAsync(outgoing, window.First, window.Last, cancellationToken).ConfigureAwait(false);
            if (window.Last >= outgoing.BlockCount)
            {
                return; // the answer acknowledges the last window; a re-request is served while receiving it
            }
            while (true)
            {
                var message = await ReceiveBlockOrSilenceAsync(cancellationToken).ConfigureAwait(false);
                if (message is null)
                {
                    Stalled("no acknowledgement of the request's blocks");
                    await SendBlocksAsync(outgoing, window.Last, window.Last, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (!TryReadAck(message, out var ack))
                {
                    // Not an acknowledgement: the meter answered (a refusal, or its answer in blocks). Hand it on.
                    _gbtPending = message;
                    return;
                }
                message.Dispose();
                if (ack <= acknowledged)
                {
                    Stalled($"the meter re-requested the request from block {ack + 1}");
                }
                else
                {
                    _gbtStalls = 0;
                }
                acknowledged = ack;
                break;
            }
        }
    }

    /// <summary>
    /// Reads an acknowledgement's block-number-ack; false (message kept) when the message is anything else.
    /// Updates the meter's window.
    /// </summary>
    private bool TryReadAck(ApduMessage message, out ushort acknowledged)
    {
        acknowledged = 0;
        if (!GbtBlock.Is(message.Span))
        {
            return false;
        }
        var block = ReadBlock(message);
        if (!GbtBlock.IsAck(block))
        {
            return false;
        }
        acknowledged = block.BlockNumberAck;
        return true;
    }

    /// <summary>
    /// Receives the next APDU of the exchange: a plain one as it is, an answer in GBT blocks joined (acknowledging
    /// each window, re-requesting lost blocks, resending request blocks the meter asks for again).
    /// </summary>
    // Pooled: runs once per block, and a pending await would otherwise allocate its state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ApduMessage> ReceiveApduAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ApduMessage? message;
            if (_gbtPending is { } pending)
            {
                _gbtPending = null;
                message = pending;
            }
            else if (!UsesGeneralBlockTransfer)
            {
                return await _channel.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                message = await ReceiveBlockOrSilenceAsync(cancellationToken).ConfigureAwait(false);
            }
            if (message is null)
            {
                await RecoverAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (!UsesGeneralBlockTransfer || !GbtBlock.Is(message.Span))
            {
                return message;
            }
            using (message)
            {
                var whole = await TakeBlockAsync(message, cancellationToken).ConfigureAwait(false);
                if (whole is not null)
                {
                    return whole;
                }
            }
        }
    }

    /// <summary>Handles one received GBT APDU; returns the joined answer once its last block is in.</summary>
    // Pooled: runs once per block, and a pending await would otherwise allocate its state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ApduMessage?> TakeBlockAsync(ApduMessage message, CancellationToken cancellationToken)
    {
        var block = ReadBlock(message);
        if (GbtBlock.IsAck(block))
        {
            if (_gbtOut is null || _gbtReceiving)
            {
                ClientLog.Skipped(_logger, "a general-block-transfer acknowledgement with no request blocks to resend");
                return null;
            }
            Stalled($"the meter re-requested the request from block {block.BlockNumberAck + 1}");
            var window = _gbtOut.Window(block.BlockNumberAck, _gbtPeerWindow, out var violation)
                ?? throw new CosemProtocolException($"General block transfer: {violation}.");
            await SendBlocksAsync(_gbtOut, window.First, window.Last, cancellationToken).ConfigureAwait(false);
            return null;
        }
        _gbtReceiving = true;
        var incoming = _gbtIn ??= new GbtIncoming(Options.MaxAnswerBytes);
        switch (incoming.Accept(block, out var problem))
        {
            case GbtAcceptance.Complete:
                if (incoming.Renumbered)
                {
                    ClientLog.BlockTransferRenumbered(_logger, incoming.LastInSequence);
                }
                // The joined array becomes the message's: the answer is not copied again.
                var whole = incoming.TakeApdu(message.SourceAddress, message.DestinationAddress);
                _gbtReceiving = false;
                _gbtOut = null;
                return whole;
            case GbtAcceptance.Violation:
                throw new CosemProtocolException($"General block transfer: {problem}.");
            case GbtAcceptance.TooLarge:
                // The same bound, and the same error, as an answer in service-specific blocks.
                throw new CosemAnswerLimitException(
                    $"General block transfer: {problem} (AssociationOptions.MaxAnswerBytes) in block {block.BlockNumber}.",
                    block.BlockNumber, incoming.Length + block.BlockData.Length);
            case GbtAcceptance.Gap:
                ClientLog.BlockTransferRecovery(_logger, $"block {block.BlockNumber} arrived after block {incoming.LastInSequence}; dropped");
                break;
        }
        if (!block.Streaming)
        {
            // The end of the meter's window (or a block sent alone): acknowledge what is in sequence, which also
            // asks for everything after it again when a block was lost.
            await SendAckAsync(cancellationToken).ConfigureAwait(false);
        }
        return null;
    }

    /// <summary>Decodes a GBT APDU (its block-data stays a slice of the message) and takes the meter's window.</summary>
    private GeneralBlockTransferFields ReadBlock(ApduMessage message)
    {
        GeneralBlockTransferFields block;
        try
        {
            block = GeneralBlockTransferFields.Read(message.Memory);
        }
        catch (CosemEncodingException ex)
        {
            throw new CosemProtocolException($"The meter sent a malformed general-block-transfer APDU: {ex.Message}", ex);
        }
        if (block.Window == 0)
        {
            throw new CosemProtocolException(
                $"The meter sent general-block-transfer block {block.BlockNumber} with a window of 0: it announces it can receive no block.");
        }
        _gbtPeerWindow = block.Window;
        ClientLog.BlockReceived(_logger, block);
        return block;
    }

    /// <summary>Acknowledges the last block in sequence (a re-request when nothing new came since the last one).</summary>
    private ValueTask SendAckAsync(CancellationToken cancellationToken)
    {
        var acknowledged = _gbtIn?.LastInSequence ?? 0;
        if (acknowledged == _gbtLastAckSent)
        {
            Stalled($"re-requesting the answer from block {acknowledged + 1}");
        }
        else
        {
            _gbtStalls = 0;
        }
        _gbtLastAckSent = acknowledged;
        _gbtBlock.ResetWrittenCount();
        GbtBlock.WriteAck(_gbtBlock, OwnWindow, _gbtOut?.LastSent ?? 0, acknowledged);
        ClientLog.BlockSent(_logger, _gbtBlock.WrittenSpan);
        return _channel.SendAsync(_gbtBlock.WrittenMemory, cancellationToken);
    }

    /// <summary>Sends blocks <paramref name="first"/>..<paramref name="last"/> of the request, streaming within the window.</summary>
    private async ValueTask SendBlocksAsync(GbtOutgoing outgoing, ushort first, ushort last, CancellationToken cancellationToken)
    {
        var acknowledged = _gbtIn?.LastInSequence ?? 0;
        for (var number = first; number <= last && number != 0; number++)
        {
            _gbtBlock.ResetWrittenCount();
            outgoing.WriteBlock(_gbtBlock, number, last, OwnWindow, acknowledged);
            ClientLog.BlockSent(_logger, _gbtBlock.WrittenSpan);
            await _channel.SendAsync(_gbtBlock.WrittenMemory, cancellationToken).ConfigureAwait(false);
            if (number == ushort.MaxValue)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Nothing arrived within <see cref="AssociationOptions.GeneralBlockTransferRetryInterval"/>: resend the request's
    /// last block while its answer has not begun, else re-request the answer from the last block in sequence.
    /// </summary>
    private ValueTask RecoverAsync(CancellationToken cancellationToken)
    {
        if (!_gbtReceiving && _gbtOut is { LastSent: > 0 } outgoing)
        {
            Stalled("no answer to the request's last block");
            return SendBlocksAsync(outgoing, outgoing.LastSent, outgoing.LastSent, cancellationToken);
        }
        return SendAckAsync(cancellationToken);
    }

    /// <summary>
    /// Waits for the next APDU; null when the retry interval passed in silence during a block transfer (only then:
    /// a plain request is never repeated, the request time-out alone ends it).
    /// </summary>
    // Pooled: runs once per block, and a pending await would otherwise allocate its state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ApduMessage?> ReceiveBlockOrSilenceAsync(CancellationToken cancellationToken)
    {
        var retry = Options.GeneralBlockTransferRetryInterval;
        if (retry == Timeout.InfiniteTimeSpan || (_gbtOut is null && !_gbtReceiving))
        {
            return await _channel.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        silence.CancelAfter(retry);
        try
        {
            return await _channel.ReceiveAsync(silence.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Counts a recovery that brought nothing new; too many in a row end the transfer.</summary>
    private void Stalled(string what)
    {
        ClientLog.BlockTransferRecovery(_logger, what);
        if (++_gbtStalls > MaxBlockRecoveries)
        {
            throw new CosemProtocolException(
                $"General block transfer: {what}, {MaxBlockRecoveries} times in a row without progress (blocks lost or numbered out of sequence).");
        }
    }
}
