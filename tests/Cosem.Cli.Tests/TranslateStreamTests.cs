using System.Text.Json;
using System.Xml.Linq;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Cli.Tests;

/// <summary><c>cosem translate --stream</c>: captures of several frames, segmented HDLC, block transfer, ciphered AARQ/AARE.</summary>
public sealed class TranslateStreamTests
{
    private static readonly HdlcAddress Client = HdlcAddress.Client(16);
    private static readonly HdlcAddress Server = HdlcAddress.Server(1);
    private static readonly CosemAttributeDescriptor Clock = new(8, new ObisCode(0, 0, 1, 0, 0, 255), 2);
    private static readonly InvokeIdAndPriority Id = new(1, confirmed: true, highPriority: true);

    private static byte[] IFrame(bool request, int send, bool segmented, byte[] information, bool llc = true) => HdlcFrame.ToArray(
        request ? Server : Client, request ? Client : Server, HdlcControl.Information(send, 0, true), segmented,
        llc ? [.. (request ? HdlcLink.ClientLlc : HdlcLink.ServerLlc), .. information] : information);

    private static byte[] Wrapper(byte[] apdu, bool request) =>
        [0x00, 0x01, 0x00, (byte)(request ? 16 : 1), 0x00, (byte)(request ? 1 : 16), (byte)(apdu.Length >> 8), (byte)apdu.Length, .. apdu];

    private static byte[] LongValue => CosemData.OctetString(Enumerable.Range(0, 300).Select(i => (byte)i).ToArray()).ToArray();

    [Fact]
    public async Task Segmented_hdlc_is_joined_and_each_exchange_printed_in_order()
    {
        var answer = new GetResponseNormal(Id, GetDataResult.FromData(LongValue)).ToArray();
        var capture = new List<byte>();
        capture.AddRange(HdlcFrame.ToArray(Server, Client, HdlcControl.Unnumbered(HdlcControl.Snrm, true), false, []));
        capture.AddRange(IFrame(true, 0, false, new GetRequestNormal(Id, Clock, null).ToArray()));
        capture.AddRange(IFrame(false, 0, true, answer[..150]));
        capture.AddRange(IFrame(false, 1, false, answer[150..], llc: false));
        var hexLines = string.Join('\n', capture.Chunk(40).Select(Convert.ToHexString));

        var (exit, output, error) = await CliRunner.RunAsync(hexLines, "translate", "--stream");

        Assert.True(exit == 0, error);
        var root = XElement.Parse(output);
        Assert.Equal("LinkFrame", root.Elements().First().Name.LocalName);
        var exchanges = root.Elements("Exchange").ToArray();
        Assert.Equal(2, exchanges.Length);
        Assert.Equal("request", exchanges[0].Attribute("direction")!.Value);
        Assert.Equal("response", exchanges[1].Attribute("direction")!.Value);
        Assert.Equal("2", exchanges[1].Attribute("frames")!.Value);
        Assert.NotNull(exchanges[1].Element("GetResponse"));
    }

    [Fact]
    public async Task Block_transferred_values_are_shown_whole_from_a_binary_wrapper_capture()
    {
        var value = LongValue;
        var capture = new List<byte>();
        capture.AddRange(Wrapper(new GetRequestNormal(Id, Clock, null).ToArray(), request: true));
        capture.AddRange(Wrapper(new GetResponseWithDataBlock(Id, DataBlockG.WithRawData(false, 1, value[..200])).ToArray(), request: false));
        capture.AddRange(Wrapper(new GetRequestNext(Id, 1).ToArray(), request: true));
        capture.AddRange(Wrapper(new GetResponseWithDataBlock(Id, DataBlockG.WithRawData(true, 2, value[200..])).ToArray(), request: false));
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, capture.ToArray());

            var (exit, output, error) = await CliRunner.RunAsync(null, "translate", "--stream", "--file", path, "--format", "json");

            Assert.True(exit == 0, error);
            var entries = JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
            Assert.Equal(4, entries.Length);
            Assert.False(entries[1].TryGetProperty("reassembled", out _));
            var whole = entries[3].GetProperty("reassembled");
            Assert.Equal("octet-string", whole.GetProperty("type").GetString());
            Assert.Equal(600, whole.GetProperty("value").GetString()!.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_ciphered_initiate_request_in_an_aarq_is_shown_decrypted()
    {
        byte[] key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
        byte[] authentication = Convert.FromHexString("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
        var title = SystemTitle.Parse("4D4D4D0000BC614E");
        // glo-initiate-request [33]: SC 30 (suite 0, authenticated and encrypted) ‖ IC ‖ ciphertext ‖ tag (IEC 62056-5-3 §9.2.7.2).
        using var cipher = new ApduCipher(SecuritySuite.Suite0, key, authentication);
        var initiate = new InitiateRequest { ProposedConformance = AssociationOptions.DefaultConformance, ClientMaxReceivePduSize = 1024 }.ToArray();
        var content = cipher.Protect(SecurityControlByte.Create(SecuritySuite.Suite0, authenticated: true, encrypted: true), title, 7, initiate);
        var aarq = new AarqApdu
        {
            ApplicationContextName = ApplicationContextName.LogicalNameWithCiphering,
            CallingApTitle = title.ToArray(),
            UserInformation = (byte[])[0x21, (byte)content.Length, .. content],
        }.ToArray();

        var (exit, output, error) = await CliRunner.RunAsync(null, "translate", "--stream", Convert.ToHexString(Wrapper(aarq, request: true)),
            "--block-cipher-key", Convert.ToHexString(key), "--authentication-key", Convert.ToHexString(authentication));

        Assert.True(exit == 0, error);
        var decrypted = Assert.Single(XElement.Parse(output).Descendants("DecryptedApdu"));
        Assert.NotNull(decrypted.Element("InitiateRequest"));

        // A single AARQ too, and its translation goes back to the identical ciphered bytes.
        (exit, output, error) = await CliRunner.RunAsync(null, "translate", Convert.ToHexString(aarq),
            "--block-cipher-key", Convert.ToHexString(key), "--authentication-key", Convert.ToHexString(authentication));
        Assert.True(exit == 0, error);
        Assert.Single(XElement.Parse(output).Descendants("DecryptedApdu"));
        var (back, hex, backError) = await CliRunner.RunAsync(output, "translate", "--to-hex");
        Assert.True(back == 0, backError);
        Assert.Equal(Convert.ToHexString(aarq), hex.Replace(" ", "", StringComparison.Ordinal).Trim());
    }

    [Theory]
    [InlineData("7EA0")]            // cut-off HDLC frame
    [InlineData("0001001000010010C0")] // wrapper frame announcing more than follows
    [InlineData("42")]              // neither
    public async Task A_broken_capture_is_one_error_line(string hex)
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "translate", "--stream", hex);
        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", error);
    }
}
