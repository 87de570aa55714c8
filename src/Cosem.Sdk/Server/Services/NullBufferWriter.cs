using System.Buffers;

namespace Cosem.Sdk.Server;

/// <summary>Swallows what is written: the answer to an unconfirmed request is computed but never sent.</summary>
internal sealed class NullBufferWriter : IBufferWriter<byte>
{
    private byte[] _scratch = new byte[256];

    public void Advance(int count)
    {
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

    private byte[] Scratch(int sizeHint)
    {
        if (_scratch.Length < sizeHint)
        {
            _scratch = new byte[sizeHint];
        }
        return _scratch;
    }
}
