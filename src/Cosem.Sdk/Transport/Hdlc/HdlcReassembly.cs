using System.Buffers;

namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// The receiving half of APDU segmentation (IEC 62056-46 §6.4.4.4.3.5): the information fields of segmented
/// I-frames appended into one pooled buffer, the LLC header of the first dropped, up to a maximum APDU length.
/// </summary>
internal sealed class HdlcReassembly(ArrayPool<byte> pool, int maxApduLength)
{
    private byte[]? _apdu;
    private int _length;

    /// <summary>Whether an APDU is partly received.</summary>
    public bool IsActive { get; private set; }

    /// <summary>Appends an I-frame's information to the APDU being reassembled, dropping the LLC header of the first segment.</summary>
    /// <exception cref="CosemTransportException">
    /// <see cref="TransportErrorKind.FrameTooLarge"/> when the APDU would exceed the maximum length; the partial APDU is dropped.
    /// </exception>
    public void Append(ReadOnlySpan<byte> information)
    {
        if (!IsActive)
        {
            IsActive = true;
            _length = 0;
            information = WithoutLlc(information);
        }
        if (_length + information.Length > maxApduLength)
        {
            IsActive = false;
            throw new CosemTransportException(TransportErrorKind.FrameTooLarge,
                $"The peer sent an APDU longer than {maxApduLength} bytes.");
        }
        if (_apdu is null || _apdu.Length < _length + information.Length)
        {
            var grown = pool.Rent(Math.Max(_length + information.Length, Math.Max(256, (_apdu?.Length ?? 0) * 2)));
            if (_apdu is not null)
            {
                _apdu.AsSpan(0, _length).CopyTo(grown);
                pool.Return(_apdu);
            }
            _apdu = grown;
        }
        information.CopyTo(_apdu.AsSpan(_length));
        _length += information.Length;
    }

    /// <summary>Hands the reassembled APDU over in a pooled message and starts afresh.</summary>
    public ApduMessage Take(HdlcAddress source, HdlcAddress destination)
    {
        IsActive = false;
        var message = ApduMessage.Create(_apdu.AsSpan(0, _length), source.Upper, destination.Upper);
        _length = 0;
        return message;
    }

    /// <summary>Forgets a partly received APDU.</summary>
    public void Clear()
    {
        IsActive = false;
        _length = 0;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Release()
    {
        if (_apdu is not null)
        {
            pool.Return(_apdu);
            _apdu = null;
        }
    }

    /// <summary>
    /// An information field without its LLC header. Liberal: either direction's header is accepted, and a field
    /// without one (some gateways strip it) is taken as it is.
    /// </summary>
    public static ReadOnlySpan<byte> WithoutLlc(ReadOnlySpan<byte> information) =>
        information.Length >= HdlcSendWindow.LlcLength && information[0] == 0xE6 && (information[1] == 0xE6 || information[1] == 0xE7)
            ? information[HdlcSendWindow.LlcLength..]
            : information;
}
