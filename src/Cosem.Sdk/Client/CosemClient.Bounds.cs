using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Client;

// What a meter can make one request hold: the time of a whole block transfer, its blocks and bytes, and APDUs that
// answer nothing. Each limit ends the request with its own typed error, never a silent wait.
public sealed partial class CosemClient
{
    // The deadline (Environment.TickCount64) of the exchange in progress, 0 when none: every block of one answer
    // shares it, so a meter that keeps sending blocks cannot stretch a request past RequestTimeout.
    private long _exchangeDeadline;
    private int _exchangeBlocks;

    // APDUs skipped while waiting for the current answer (reset per request).
    private int _wrongInvokeIds;
    private int _lastWrongInvokeId = AnyInvokeId;
    private int _unsolicited;

    /// <summary>Starts the time budget of one exchange (a request and all its blocks); dispose to end it.</summary>
    private ExchangeBudget StartExchange()
    {
        _exchangeBlocks = 0;
        _exchangeDeadline = Options.RequestTimeout == Timeout.InfiniteTimeSpan
            ? 0
            : Environment.TickCount64 + (long)Options.RequestTimeout.TotalMilliseconds;
        return new ExchangeBudget(this);
    }

    /// <summary>Ends the exchange budget when disposed.</summary>
    private readonly struct ExchangeBudget(CosemClient client) : IDisposable
    {
        public void Dispose() => client._exchangeDeadline = 0;
    }

    /// <summary>The deadline of the next wait: the exchange's when one is running, else one time-out from now.</summary>
    private long NextDeadline() =>
        _exchangeDeadline != 0 ? _exchangeDeadline : Environment.TickCount64 + (long)Options.RequestTimeout.TotalMilliseconds;

    /// <summary>Counts one received block of an answer now holding <paramref name="bytes"/> bytes; throws past the limits.</summary>
    private void CountBlock(long bytes, object what)
    {
        _exchangeBlocks++;
        if (_exchangeBlocks > Options.MaxAnswerBlocks)
        {
            throw new CosemAnswerLimitException(
                $"Reading {what}: the meter sent more than {Options.MaxAnswerBlocks} blocks (AssociationOptions.MaxAnswerBlocks).", _exchangeBlocks, bytes);
        }
        if (bytes > Options.MaxAnswerBytes)
        {
            throw new CosemAnswerLimitException(
                $"Reading {what}: the meter's answer grew past {Options.MaxAnswerBytes} bytes (AssociationOptions.MaxAnswerBytes) in block {_exchangeBlocks}.",
                _exchangeBlocks, bytes);
        }
    }

    private void ResetUnmatched()
    {
        _wrongInvokeIds = 0;
        _unsolicited = 0;
        _lastWrongInvokeId = AnyInvokeId;
    }

    /// <summary>Records an answer to another invoke-id; throws once too many APDUs answered nothing.</summary>
    private void SkipWrongInvokeId(int received, int expected)
    {
        _wrongInvokeIds++;
        _lastWrongInvokeId = received;
        ClientLog.Unmatched(_logger, $"an answer to invoke-id {received} while waiting for {expected}");
        CheckUnmatched(expected);
    }

    /// <summary>Records an unsolicited APDU; throws once too many APDUs answered nothing.</summary>
    private void SkipUnsolicited(ApduTag tag, int expected)
    {
        _unsolicited++;
        ClientLog.Skipped(_logger, $"an unsolicited {tag}");
        CheckUnmatched(expected);
    }

    private void CheckUnmatched(int expected)
    {
        if (_wrongInvokeIds + _unsolicited > Options.MaxUnmatchedApdus)
        {
            throw Unmatched(expected, $"more than {Options.MaxUnmatchedApdus} APDUs (AssociationOptions.MaxUnmatchedApdus) that answered nothing", null);
        }
    }

    /// <summary>The error for a wait that ran out after APDUs that answered nothing, or null when none came.</summary>
    private CosemUnmatchedAnswerException? UnmatchedAtTimeout(int expected, Exception timeout) =>
        _wrongInvokeIds + _unsolicited == 0
            ? null
            : Unmatched(expected, $"no answer within {Options.RequestTimeout.TotalSeconds:0.###} s", timeout);

    private CosemUnmatchedAnswerException Unmatched(int expected, string ending, Exception? inner)
    {
        var parts = new List<string>(2);
        if (_wrongInvokeIds > 0)
        {
            parts.Add($"{_wrongInvokeIds} answer(s) with the wrong invoke-id (last {_lastWrongInvokeId}, expected {expected})");
        }
        if (_unsolicited > 0)
        {
            parts.Add($"{_unsolicited} unsolicited APDU(s)");
        }
        return new CosemUnmatchedAnswerException($"The meter sent {string.Join(" and ", parts)}: {ending}.",
            expected, _lastWrongInvokeId, _wrongInvokeIds, _unsolicited, inner);
    }

    /// <summary>The time-out of an exchange: whole block transfers are named as such.</summary>
    private string DescribeTimeout() => _exchangeDeadline != 0 && _exchangeBlocks > 0
        ? $"The meter did not finish its answer within {Options.RequestTimeout} ({_exchangeBlocks} block(s) received; the time-out covers the whole block transfer)."
        : $"The meter did not answer within {Options.RequestTimeout}.";
}
