using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using CaptureObjectReference = Cosem.Sdk.Objects.CaptureObjectReference;
using EntrySelection = Cosem.Sdk.Objects.EntrySelection;
using RangeSelection = Cosem.Sdk.Objects.RangeSelection;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>The profile generic selectors the generated overloads send (Blue Book §4.3.6, class 7, attribute 2).</summary>
public class SelectiveAccessTests
{
    [Fact]
    public void Entry_descriptor_encodes_four_unsigned_fields()
    {
        // entry_descriptor ::= structure { from_entry double-long-unsigned, to_entry double-long-unsigned,
        //   from_selected_value long-unsigned, to_selected_value long-unsigned } (Blue Book 4.3.6, selector 2)
        var descriptor = new EntrySelection(1, 5).ToDescriptor();
        Assert.Equal(2, descriptor.Selector);
        Assert.Equal(
            new byte[] { 0x02, 0x04, 0x06, 0, 0, 0, 1, 0x06, 0, 0, 0, 5, 0x12, 0, 1, 0x12, 0, 0 },
            descriptor.Parameters.ToArray());
        Assert.Equal(new EntrySelection(1, 5), EntrySelection.Decode(descriptor.Parameters.Span));
    }

    [Fact]
    public void Range_descriptor_restricts_by_the_clock_and_selects_all_columns_by_default()
    {
        var from = CosemDateTime.From(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var to = CosemDateTime.From(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var descriptor = new RangeSelection(from, to).ToDescriptor();
        byte[] bytes = descriptor.Parameters.ToArray();

        Assert.Equal(1, descriptor.Selector);
        // structure(4) { capture_object_definition {8, 0.0.1.0.0.255, 2, 0}, octet-string(12) from, octet-string(12) to, array(0) }
        Assert.Equal(new byte[] { 0x02, 0x04, 0x02, 0x04, 0x12, 0x00, 0x08, 0x09, 0x06, 0, 0, 1, 0, 0, 0xFF, 0x0F, 0x02, 0x12, 0, 0 }, bytes[..20]);
        Assert.Equal(new byte[] { 0x09, 0x0C }, bytes[20..22]);
        Assert.Equal(new byte[] { 0x01, 0x00 }, bytes[^2..]);
        Assert.Equal(20 + 14 + 14 + 2, bytes.Length);

        var decoded = RangeSelection.Decode(bytes);
        Assert.Equal(from, decoded.From);
        Assert.Equal(to, decoded.To);
        Assert.Equal(CaptureObjectReference.Clock, decoded.RestrictingObject);
        Assert.Empty(decoded.Columns);
    }

    [Fact]
    public void Range_descriptor_carries_selected_columns()
    {
        var energy = new CaptureObjectReference(3, new ObisCode(1, 0, 1, 8, 0, 255), 2);
        var selection = new RangeSelection(CosemDateTime.Unspecified, CosemDateTime.Unspecified) { Columns = [CaptureObjectReference.Clock, energy] };
        var decoded = RangeSelection.Decode(selection.ToDescriptor().Parameters.Span);
        Assert.Equal([CaptureObjectReference.Clock, energy], decoded.Columns);
    }

    [Fact]
    public void Entry_selection_cuts_to_what_exists_and_refuses_inverted_ranges()
    {
        int[] rows = [1, 2, 3];
        Assert.Equal([2, 3], new EntrySelection(2, 10).Apply(rows));
        Assert.Empty(new EntrySelection(5, 0).Apply(rows));
        var error = Assert.Throws<CosemServiceException>(() => new EntrySelection(3, 2).Apply(rows));
        Assert.Equal(DataAccessResult.OtherReason, error.DataAccessResult);
        Assert.Throws<CosemServiceException>(() => new EntrySelection(0, 2).Apply(rows));
    }

    [Fact]
    public void Select_refuses_other_selectors_and_undecodable_descriptors()
    {
        int[] rows = [1, 2, 3];
        Assert.Same(rows, EntrySelection.Select(rows, null));
        var other = Assert.Throws<CosemServiceException>(() => EntrySelection.Select(rows, new SelectiveAccessDescriptor(1, new byte[] { 0 })));
        Assert.Equal(DataAccessResult.OtherReason, other.DataAccessResult);
        var garbage = Assert.Throws<CosemServiceException>(() => EntrySelection.Select(rows, new SelectiveAccessDescriptor(2, new byte[] { 0x02, 0x04 })));
        Assert.Equal(DataAccessResult.TypeUnmatched, garbage.DataAccessResult);
    }
}
