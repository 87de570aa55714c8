using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Codec.Tests.Obis;

/// <summary>
/// The edges of <see cref="ObisCode"/> that mutation testing (docs/mutation-testing.md) showed no test pinned down:
/// each value group kept apart, the indexer's range, buffer sizes, comparison operators at equality, the digit limit
/// of a group, and the messages of the errors.
/// </summary>
public class ObisCodeEdgeTests
{
    private static readonly ObisCode Code = new(1, 2, 3, 4, 5, 6);

    [Fact]
    public void Each_value_group_keeps_its_own_value()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6], new[] { Code.A, Code.B, Code.C, Code.D, Code.E, Code.F });
        Assert.Equal([1, 2, 3, 4, 5, 6], Enumerable.Range(0, 6).Select(i => Code[i]));
        Assert.Equal([1, 2, 3, 4, 5, 6], Code.ToArray());
        Assert.Equal(Code, new ObisCode([1, 2, 3, 4, 5, 6]));
        var high = new ObisCode(255, 254, 253, 252, 251, 250);
        Assert.Equal([255, 254, 253, 252, 251, 250], high.ToArray());
        Assert.Equal("255.254.253.252.251.250", high.ToString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    [InlineData(int.MaxValue)]
    public void The_indexer_refuses_a_group_beyond_f(int index) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Code[index]);

    [Fact]
    public void A_logical_name_must_be_six_bytes()
    {
        var error = Assert.Throws<ArgumentException>(() => new ObisCode([1, 2, 3, 4, 5]));
        Assert.Contains("6 bytes; got 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CopyTo_needs_six_bytes_and_leaves_the_rest_of_a_longer_buffer()
    {
        var longer = new byte[8];
        longer[6] = 0xAA;
        Code.CopyTo(longer);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 0xAA, 0 }, longer);
        var error = Assert.Throws<ArgumentException>(() => Code.CopyTo(new byte[5]));
        Assert.Contains("needs 6 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparison_operators_agree_with_equality()
    {
        var same = new ObisCode(1, 2, 3, 4, 5, 6);
        var next = new ObisCode(1, 2, 3, 4, 5, 7);
#pragma warning disable CS1718 // comparing a value with itself is the point here
        Assert.True(Code == same);
        Assert.False(Code != same);
        Assert.True(Code != next);
        Assert.False(Code == next);
        Assert.False(Code < same);
        Assert.False(Code > same);
        Assert.True(Code <= same);
        Assert.True(Code >= same);
        Assert.True(Code < next);
        Assert.False(next < Code);
        Assert.True(next > Code);
        Assert.False(Code > next);
        Assert.True(Code <= next);
        Assert.False(next <= Code);
        Assert.True(next >= Code);
        Assert.False(Code >= next);
#pragma warning restore CS1718
    }

    [Fact]
    public void CompareTo_an_object_that_is_not_an_obis_code_is_an_error()
    {
        Assert.Equal(1, Code.CompareTo((object?)null));
        Assert.Equal(0, Code.CompareTo((object)new ObisCode(1, 2, 3, 4, 5, 6)));
        var error = Assert.Throws<ArgumentException>(() => Code.CompareTo((object)"1.2.3.4.5.6"));
        Assert.Contains("not an ObisCode", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001.0.1.8.0.255")] // four digits in a group, even with a value below 256
    [InlineData("1.0.1.8.0.0255")]
    [InlineData("256.0.1.8.0.255")]
    [InlineData("1.0.1.8.0")]
    [InlineData("1.0.1.8.0.255.")]
    public void Bad_text_is_not_an_obis_code(string text)
    {
        Assert.False(ObisCode.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => ObisCode.Parse(text));
        Assert.Contains("is not an OBIS code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_digit_groups_parse()
    {
        Assert.Equal(new ObisCode(1, 0, 99, 1, 0, 255), ObisCode.Parse("001.000.099.001.000.255"));
    }

    [Fact]
    public void Utf8_formatting_writes_both_forms()
    {
        var buffer = new byte[32];
        Assert.True(Code.TryFormat(buffer.AsSpan(), out var written, "R"));
        Assert.Equal("1-2:3.4.5*6", System.Text.Encoding.UTF8.GetString(buffer, 0, written));
        Assert.True(Code.TryFormat(buffer.AsSpan(), out written, "D"));
        Assert.Equal("1.2.3.4.5.6", System.Text.Encoding.UTF8.GetString(buffer, 0, written));
        Assert.True(Code.TryFormat(buffer.AsSpan(), out written, default));
        Assert.Equal("1.2.3.4.5.6", System.Text.Encoding.UTF8.GetString(buffer, 0, written));
    }

    [Fact]
    public void An_unknown_format_is_named_in_the_error()
    {
        var error = Assert.Throws<FormatException>(() => Code.ToString("X", null));
        Assert.Contains("Unknown OBIS format 'X'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'D' (dotted) or 'R' (reduced ID)", error.Message, StringComparison.Ordinal);
    }
}
