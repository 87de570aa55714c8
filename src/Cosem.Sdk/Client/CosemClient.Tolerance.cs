using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Client;

// What the client accepts from non-conformant meters (CompatibilityOptions), each time with a warning naming it.
public sealed partial class CosemClient
{
    /// <summary>
    /// Decodes an AARE or RLRE; when its BER framing is broken and <see cref="CompatibilityOptions.AcceptMalformedAcse"/>
    /// is on, decodes it re-framed from the bytes received and warns.
    /// </summary>
    private T DecodeAcse<T>(ReadOnlyMemory<byte> message, ApduTag expected) where T : Apdu.Apdu
    {
        try
        {
            return Decode<T>(message, expected);
        }
        catch (CosemEncodingException failure) when (Options.Compatibility.AcceptMalformedAcse)
        {
            foreach (var (apdu, deviation) in AcseReframing.Candidates(message))
            {
                try
                {
                    var decoded = Decode<T>(apdu, expected);
                    ClientLog.Deviation(_logger, $"{expected.ToString().ToUpperInvariant()} with broken BER framing ({deviation}); read re-framed");
                    return decoded;
                }
                catch (CosemEncodingException)
                {
                    // Not this framing: try the next.
                }
            }
            throw new CosemEncodingException($"The meter's {expected.ToString().ToUpperInvariant()} cannot be read even re-framed: {failure.Reason}", failure.Offset, failure.Field, failure);
        }
    }

    /// <summary>
    /// Decodes a GET answer. A data block sent under the with-list choice [3] is read as the block it is when
    /// <see cref="CompatibilityOptions.AcceptWithListBlocksUnderListTag"/> is on; a block answer the meter was not
    /// granted is accepted when <see cref="CompatibilityOptions.AcceptUnnegotiatedBlockTransfer"/> is on.
    /// </summary>
    /// <param name="message">The answer.</param>
    /// <param name="listCount">The attributes a with-list request asked for; 0 for GET-Request-Normal and -Next.</param>
    private GetResponse DecodeGetResponse(ReadOnlyMemory<byte> message, int listCount)
    {
        GetResponse response;
        var span = message.Span;
        try
        {
            response = Decode<GetResponse>(message, ApduTag.GetResponse);
            if (response is not GetResponseWithList list || list.Results.Count == listCount || !LooksLikeBlock(span))
            {
                return CheckBlockGranted(response);
            }
        }
        catch (CosemEncodingException) when (Options.Compatibility.AcceptWithListBlocksUnderListTag && LooksLikeBlock(span))
        {
            // Read again below as a data block.
        }
        if (!Options.Compatibility.AcceptWithListBlocksUnderListTag)
        {
            return Decode<GetResponse>(message, ApduTag.GetResponse);
        }
        var asBlock = message.ToArray();
        asBlock[1] = 2; // get-response-with-datablock
        try
        {
            response = Decode<GetResponse>(asBlock, ApduTag.GetResponse);
        }
        catch (CosemEncodingException)
        {
            // Neither a list nor a block: report the answer as received.
            return Decode<GetResponse>(message, ApduTag.GetResponse);
        }
        ClientLog.Deviation(_logger, "a data block of a GET answer sent under the with-list choice [3] instead of the block choice [2]");
        return CheckBlockGranted(response);
    }

    // GET-Response (0xC4), with-list choice 3, invoke-id, then a last-block BOOLEAN (0 or 1) where a list's count is.
    private static bool LooksLikeBlock(ReadOnlySpan<byte> apdu) => apdu.Length >= 9 && apdu[0] == (byte)ApduTag.GetResponse && apdu[1] == 3 && apdu[3] <= 1;

    private GetResponse CheckBlockGranted(GetResponse response)
    {
        if (response is GetResponseWithDataBlock { Block.BlockNumber: 1 })
        {
            CheckBlocksGranted(Conformance.BlockTransferWithGetOrRead, "GET");
        }
        return response;
    }

    /// <summary>A block answer where the meter did not grant blocks for the service: accepted with a warning, or refused.</summary>
    private void CheckBlocksGranted(Conformance service, string name)
    {
        if (Granted(service))
        {
            return;
        }
        if (!Options.Compatibility.AcceptUnnegotiatedBlockTransfer)
        {
            throw new CosemProtocolException($"The meter answered a {name} in blocks although it did not grant {service} in this association.");
        }
        ClientLog.Deviation(_logger, $"a {name} answer in blocks although the meter did not grant {service}");
    }

    /// <summary>Whether a failed GET-Request-With-List batch is read again attribute by attribute.</summary>
    private bool ShouldFallBack(Exception failure, int count)
    {
        if (!Options.Compatibility.FallBackToSingleRequests || _state != Associated)
        {
            return false;
        }
        ClientLog.WithListFallback(_logger, count, failure.Message);
        return true;
    }

    /// <summary>
    /// Reads the RLRE. The association ends whatever it says (the release was sent and the meter answered), so a
    /// refusal is a warning, and an RLRE that cannot be read even re-framed ends it too when
    /// <see cref="CompatibilityOptions.AcceptMalformedAcse"/> is on.
    /// </summary>
    private void ReadReleaseResponse(ReadOnlyMemory<byte> message)
    {
        RlreApdu rlre;
        try
        {
            rlre = DecodeAcse<RlreApdu>(message, ApduTag.Rlre);
        }
        catch (CosemEncodingException unreadable) when (Options.Compatibility.AcceptMalformedAcse)
        {
            ClientLog.Deviation(_logger, $"an unreadable RLRE ({unreadable.Reason}); the association is released anyway");
            return;
        }
        if (rlre.Reason is { } reason && reason != ReleaseResponseReason.Normal)
        {
            ClientLog.ReleaseRefused(_logger, reason.ToString());
        }
        ClientLog.Released(_logger, rlre.ToString() ?? "RLRE");
    }
}
