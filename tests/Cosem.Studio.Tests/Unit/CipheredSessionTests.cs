using Cosem.Sdk.Obis;
using Cosem.Studio.Meters;
using Cosem.Studio.Schema;
using Cosem.Studio.Tests.Support;

namespace Cosem.Studio.Tests.Unit;

/// <summary>A suite-0 ciphered association: the frame log shows the ciphered APDUs opened with the connection's keys.</summary>
public sealed class CipheredSessionTests(CipheredSimulatedMeter meter) : IClassFixture<CipheredSimulatedMeter>
{
    private static readonly SchemaCatalog Catalog = SchemaCatalog.Load(null);

    // The wrapper header (version, source, destination, length) is 8 bytes: the APDU's tag follows it.
    private static bool CarriesTag(FrameEntry frame, string tag) =>
        !frame.IsApdu && frame.Hex.Length > 18 && frame.Hex.AsSpan(16, 2).SequenceEqual(tag);

    [Fact]
    public async Task Ciphered_apdus_are_logged_with_their_decrypted_xml_and_no_key_or_secret()
    {
        await using var session = await MeterSession.OpenAsync("c", meter.Management(), CipheredSimulatedMeter.Secrets(), default);
        var list = await session.ReadObjectListAsync(default);
        var voltage = MeterSession.Views(list, Catalog).Single(v => v.Entry.LogicalName == ObisCode.Parse("1.0.32.7.0.255"));
        await session.ReadObjectAsync(voltage, default);
        Assert.Matches(@"^\d+(\.\d)? V  \(raw \d+\)$", voltage.Attributes.Single(r => r.Index == 2).Text);

        var frames = session.Frames.Snapshot();
        var request = frames.First(f => f.Sent && CarriesTag(f, "C8")); // glo-get-request
        var response = frames.First(f => !f.Sent && CarriesTag(f, "CC")); // glo-get-response
        var requestXml = session.Frames.ToXml(request);
        Assert.Contains("<GloGetRequest", requestXml, StringComparison.Ordinal);
        Assert.Contains("<DecryptedApdu", requestXml, StringComparison.Ordinal);
        Assert.Contains("<GetRequest", requestXml, StringComparison.Ordinal);
        var responseXml = session.Frames.ToXml(response);
        Assert.Contains("<GloGetResponse", responseXml, StringComparison.Ordinal);
        Assert.Contains("<DecryptedApdu", responseXml, StringComparison.Ordinal);
        Assert.Contains("<GetResponse", responseXml, StringComparison.Ordinal);
        var aare = frames.First(f => f.IsApdu && !f.Sent && f.Hex.StartsWith("61", StringComparison.Ordinal));
        Assert.Contains("<DecryptedApdu", session.Frames.ToXml(aare), StringComparison.Ordinal);

        var secretHex = Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(CipheredSimulatedMeter.Secret));
        foreach (var frame in frames)
        {
            var text = frame.Hex + session.Frames.ToXml(frame);
            foreach (var secret in new[] { CipheredSimulatedMeter.BlockCipherKey, CipheredSimulatedMeter.AuthenticationKey, secretHex, CipheredSimulatedMeter.Secret })
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
