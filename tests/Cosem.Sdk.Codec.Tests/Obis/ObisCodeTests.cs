using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Codec.Tests.Obis;

public class ObisCodeTests
{
    [Theory]
    [InlineData("1.0.1.8.0.255")]
    [InlineData("1-0:1.8.0*255")]
    [InlineData(" 1-0:1.8.0.255 ")]
    public void Parses_dotted_and_reduced_forms(string text)
    {
        var code = ObisCode.Parse(text);
        Assert.Equal(new ObisCode(1, 0, 1, 8, 0, 255), code);
        Assert.Equal("1.0.1.8.0.255", code.ToString());
        Assert.Equal("1-0:1.8.0*255", code.ToString("R", null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.0.1.8.0")]
    [InlineData("1.0.1.8.0.256")]
    [InlineData("1.0.1.8.0.255.1")]
    [InlineData("1..1.8.0.255")]
    [InlineData("a.0.1.8.0.255")]
    [InlineData("1.0.1.8.0.2555")]
    public void Rejects_malformed_text(string text)
    {
        Assert.False(ObisCode.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ObisCode.Parse(text));
    }

    [Fact]
    public void Bytes_round_trip_and_order_follows_value_groups()
    {
        byte[] bytes = [0, 0, 40, 0, 0, 255];
        var code = new ObisCode(bytes);
        Assert.Equal(ObisCode.CurrentAssociation, code);
        Assert.Equal(bytes, code.ToArray());
        Assert.True(new ObisCode(0, 0, 1, 0, 0, 255) < new ObisCode(0, 0, 40, 0, 0, 255));
        Assert.True(new ObisCode(0, 255, 0, 0, 0, 0) < new ObisCode(1, 0, 0, 0, 0, 0));
        Assert.Equal((byte)40, code[2]);
        Assert.Throws<ArgumentException>(() => new ObisCode(new byte[5]));
    }

    [Fact]
    public void Utf8_formatting_matches_text()
    {
        Span<byte> utf8 = stackalloc byte[32];
        Assert.True(ObisCode.Clock.TryFormat(utf8, out int written, default, null));
        Assert.Equal("0.0.1.0.0.255", System.Text.Encoding.ASCII.GetString(utf8[..written]));
    }
}
