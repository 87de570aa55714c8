using System.Buffers;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Sdk.Tests.Transport;

/// <summary>Segmented I-frames joined into one APDU, without a link around them.</summary>
public class HdlcReassemblyTests
{
    [Fact]
    public void Joins_segments_and_drops_the_llc_header_of_the_first()
    {
        var reassembly = new HdlcReassembly(ArrayPool<byte>.Shared, 1024);
        reassembly.Append([0xE6, 0xE7, 0x00, 1, 2]);
        Assert.True(reassembly.IsActive);
        reassembly.Append([0xE6, 0xE7, 0x00]); // later segments keep bytes that look like an LLC header

        using var message = reassembly.Take(HdlcAddress.Server(1), HdlcAddress.Client(16));

        Assert.Equal(new byte[] { 1, 2, 0xE6, 0xE7, 0x00 }, message.Span.ToArray());
        Assert.False(reassembly.IsActive);
        reassembly.Release();
    }

    [Fact]
    public void Accepts_a_first_segment_without_llc_header()
    {
        var reassembly = new HdlcReassembly(ArrayPool<byte>.Shared, 1024);
        reassembly.Append([0xC0, 0x01]);
        using var message = reassembly.Take(HdlcAddress.Server(1), HdlcAddress.Client(16));
        Assert.Equal(new byte[] { 0xC0, 0x01 }, message.Span.ToArray());
    }

    [Fact]
    public void Refuses_an_apdu_over_the_size_bound_and_forgets_it()
    {
        var reassembly = new HdlcReassembly(ArrayPool<byte>.Shared, 4);
        reassembly.Append([0xE6, 0xE6, 0x00, 1, 2, 3]);
        var error = Assert.Throws<CosemTransportException>(() => reassembly.Append([4, 5]));
        Assert.Equal(TransportErrorKind.FrameTooLarge, error.Kind);
        Assert.False(reassembly.IsActive);
    }
}
