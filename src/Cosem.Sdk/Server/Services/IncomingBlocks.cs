using System.Buffers;
using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Server;

/// <summary>
/// A long SET value or ACTION parameter being received block by block: the target(s), the bytes so far and the
/// number of the last block accepted (IEC 62056-5-3 §9.4.6.3).
/// </summary>
internal sealed class IncomingBlocks
{
    private readonly ArrayBufferWriter<byte> _data = new();

    public IncomingBlocks(IReadOnlyList<CosemAttributeDescriptorWithSelection> attributes, IReadOnlyList<CosemMethodDescriptor> methods, bool isList)
    {
        Attributes = attributes;
        Methods = methods;
        IsList = isList;
    }

    public IReadOnlyList<CosemAttributeDescriptorWithSelection> Attributes { get; }

    public IReadOnlyList<CosemMethodDescriptor> Methods { get; }

    /// <summary>The -with-list form: the joined bytes hold a count and that many Data values.</summary>
    public bool IsList { get; }

    public uint LastBlockNumber { get; private set; }

    public int Length => _data.WrittenCount;

    public ReadOnlyMemory<byte> Data => _data.WrittenMemory;

    public void Append(uint blockNumber, ReadOnlySpan<byte> raw)
    {
        _data.Write(raw);
        LastBlockNumber = blockNumber;
    }
}
