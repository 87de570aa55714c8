using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Security;

/// <summary>
/// Wraps a plain xDLMS APDU in its protected envelope and finds the protected content in a received one
/// (IEC 62056-5-3 §9.5): the service-specific glo-/ded- APDUs (tag ‖ length ‖ SC ‖ IC ‖ C ‖ T), the ciphered
/// initiate APDUs of the AARQ/AARE, and general-glo-/general-ded-ciphering (tag ‖ system title ‖ content).
/// Works on spans with the caller's buffers: nothing is allocated.
/// </summary>
public static class ApduEnvelope
{
    /// <summary>The glo- (or, with <paramref name="dedicated"/>, ded-) tag for a plain APDU's tag, or null when it has none.</summary>
    public static ApduTag? CipheredTagFor(ApduTag plain, bool dedicated)
    {
        ApduTag? global = (byte)plain switch
        {
            1 => ApduTag.GloInitiateRequest,
            8 => ApduTag.GloInitiateResponse,
            14 => ApduTag.GloConfirmedServiceError,
            5 => ApduTag.GloReadRequest,
            6 => ApduTag.GloWriteRequest,
            12 => ApduTag.GloReadResponse,
            13 => ApduTag.GloWriteResponse,
            22 => ApduTag.GloUnconfirmedWriteRequest,
            24 => ApduTag.GloInformationReportRequest,
            >= 192 and <= 195 => (ApduTag)((byte)plain + 8), // get/set/event-notification/action request -> 200..203
            >= 196 and <= 197 => (ApduTag)((byte)plain + 8), // get/set response -> 204, 205
            199 => ApduTag.GloActionResponse,
            _ => null,
        };
        // The ded- tags sit 32 above the glo- ones for the SN and initiate APDUs, 8 above for the LN ones.
        return global is not { } tag || !dedicated ? global : (byte)tag >= 200 ? (ApduTag)((byte)tag + 8) : (ApduTag)((byte)tag + 32);
    }

    /// <summary>Bytes of the envelope for a plain APDU of <paramref name="plainLength"/> bytes.</summary>
    public static int GetLength(SecurityControlByte control, int plainLength, bool general)
    {
        var content = ApduCipher.GetProtectedLength(control, plainLength);
        return 1 + (general ? 1 + SystemTitle.Length : 0) + AxdrWriter.GetLengthSize(content) + content;
    }

    /// <summary>
    /// Writes <paramref name="envelopeTag"/> ‖ [system title] ‖ length ‖ SC ‖ IC ‖ C ‖ T into
    /// <paramref name="output"/>; general-glo-/general-ded-ciphering (219, 220) carry <paramref name="systemTitle"/>.
    /// Returns the bytes written.
    /// </summary>
    public static int Write(ApduCipher cipher, ApduTag envelopeTag, SecurityControlByte control, SystemTitle systemTitle,
        uint invocationCounter, ReadOnlySpan<byte> plain, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(output);
        var general = envelopeTag is ApduTag.GeneralGloCiphering or ApduTag.GeneralDedCiphering;
        var content = ApduCipher.GetProtectedLength(control, plain.Length);
        var total = GetLength(control, plain.Length, general);
        var span = output.GetSpan(total);
        var writer = new AxdrWriter(span);
        writer.WriteRawByte((byte)envelopeTag);
        if (general)
        {
            writer.WriteLength(SystemTitle.Length);
            systemTitle.CopyTo(writer.ReserveRawBytes(SystemTitle.Length));
        }
        writer.WriteLength(content);
        cipher.Protect(control, systemTitle, invocationCounter, plain, writer.ReserveRawBytes(content));
        output.Advance(total);
        return total;
    }

    /// <summary>
    /// Recognises a protected APDU. Returns false for a plain one; throws <see cref="CosemSecurityException"/>
    /// (<see cref="SecurityFailure.MalformedInput"/>) for a protected one that is truncated or has trailing bytes.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> apdu, out Envelope envelope)
    {
        envelope = default;
        if (apdu.IsEmpty)
        {
            return false;
        }
        var tag = (ApduTag)apdu[0];
        var general = tag is ApduTag.GeneralGloCiphering or ApduTag.GeneralDedCiphering;
        if (!general && !CipheredApdu.IsCipheredServiceTag(tag) && !CipheredUserInformationApdu.IsCipheredUserInformationTag(tag))
        {
            return false;
        }
        try
        {
            var reader = new AxdrReader(apdu);
            reader.ReadRawByte("tag");
            SystemTitle? title = null;
            if (general)
            {
                var length = reader.ReadLength("system-title length");
                title = new SystemTitle(reader.ReadRawBytes(length, "system-title"));
            }
            var contentLength = reader.ReadLength("ciphered-content length");
            var start = reader.Position;
            reader.ReadRawBytes(contentLength, "ciphered-content");
            reader.EnsureAtEnd("protected APDU");
            var dedicated = general ? tag == ApduTag.GeneralDedCiphering : IsDedicatedTag(tag);
            envelope = new Envelope(tag, dedicated, title, start, contentLength);
            return true;
        }
        catch (CosemEncodingException ex)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput, $"The protected APDU with tag {(byte)tag} is malformed: {ex.Message}", ex);
        }
    }

    // ded- tags: 65..88 (initiate, confirmed-service-error and SN services), 208..215 (LN services).
    private static bool IsDedicatedTag(ApduTag tag) => (byte)tag is >= 65 and <= 88 or >= 208 and <= 215;

    /// <summary>Where the protected content (SC ‖ IC ‖ C ‖ T) of a received envelope is.</summary>
    /// <param name="Tag">The envelope's tag.</param>
    /// <param name="IsDedicated">Whether the dedicated key protects it (ded- tags, general-ded-ciphering).</param>
    /// <param name="SystemTitle">The sender's title carried by general-glo-/general-ded-ciphering, else null.</param>
    /// <param name="ContentOffset">Offset of SC ‖ IC ‖ C ‖ T within the APDU that was read.</param>
    /// <param name="ContentLength">Length in bytes of SC ‖ IC ‖ C ‖ T.</param>
    public readonly record struct Envelope(ApduTag Tag, bool IsDedicated, SystemTitle? SystemTitle, int ContentOffset, int ContentLength)
    {
        /// <summary>The protected content within the APDU the envelope was read from.</summary>
        public ReadOnlySpan<byte> Content(ReadOnlySpan<byte> apdu) => apdu.Slice(ContentOffset, ContentLength);

        /// <summary>Whether the envelope is general-glo-ciphering (219) or general-ded-ciphering (220), which carry the
        /// sender's system title.</summary>
        public bool IsGeneral => Tag is ApduTag.GeneralGloCiphering or ApduTag.GeneralDedCiphering;
    }
}
