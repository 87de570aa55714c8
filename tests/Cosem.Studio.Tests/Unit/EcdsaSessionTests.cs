using Cosem.Sdk.Obis;
using Cosem.Sdk.Security;
using Cosem.Studio.Connections;
using Cosem.Studio.Meters;
using Cosem.Studio.Schema;
using Cosem.Studio.Tests.Support;

namespace Cosem.Studio.Tests.Unit;

/// <summary>
/// Security suite 1 with HLS-ECDSA (mechanism 7): the form's signing keys, as hex or as PEM pasted into a password
/// input (line breaks gone), open an authenticated-encrypted association; a wrong key gives a clear error.
/// </summary>
public sealed class EcdsaSessionTests(EcdsaSimulatedMeter meter) : IClassFixture<EcdsaSimulatedMeter>
{
    private static readonly SchemaCatalog Catalog = SchemaCatalog.Load(null);

    private ConnectionSecrets HexSecrets() => new()
    {
        BlockCipherKey = CipheredSimulatedMeter.BlockCipherKey,
        AuthenticationKey = CipheredSimulatedMeter.AuthenticationKey,
        SigningPrivateKey = Convert.ToHexString(meter.ClientKey.ExportPrivateKey()),
        MeterPublicKey = Convert.ToHexString(meter.MeterKey.PublicKey.ToRaw()),
    };

    // What a password input keeps of a pasted PEM: the lines joined with nothing between them.
    private static string PastedPem(string label, byte[] der) =>
        new string(PemEncodingText(label, der).Where(c => c is not ('\n' or '\r')).ToArray());

    private static string PemEncodingText(string label, byte[] der) => new(System.Security.Cryptography.PemEncoding.Write(label, der));

    private async Task ReadsVoltageAsync(ConnectionSecrets secrets)
    {
        await using var session = await MeterSession.OpenAsync("e", meter.Management(), secrets, default);
        var list = await session.ReadObjectListAsync(default);
        var voltage = MeterSession.Views(list, Catalog).Single(v => v.Entry.LogicalName == ObisCode.Parse("1.0.32.7.0.255"));
        await session.ReadObjectAsync(voltage, default);
        Assert.Matches(@"^\d+(\.\d)? V  \(raw \d+\)$", voltage.Attributes.Single(r => r.Index == 2).Text);

        var privateHex = Convert.ToHexString(meter.ClientKey.ExportPrivateKey());
        foreach (var frame in session.Frames.Snapshot())
        {
            var text = frame.Hex + session.Frames.ToXml(frame);
            Assert.DoesNotContain(privateHex, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(CipheredSimulatedMeter.BlockCipherKey, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public Task Hex_signing_keys_open_a_suite_1_hls_ecdsa_association_and_read_an_attribute() => ReadsVoltageAsync(HexSecrets());

    [Fact]
    public async Task Pem_keys_pasted_into_a_password_input_open_the_association()
    {
        var secrets = HexSecrets();
        secrets.SigningPrivateKey = PastedPem("PRIVATE KEY", meter.ClientKey.ExportPkcs8());
        secrets.MeterPublicKey = PastedPem("PUBLIC KEY", meter.MeterKey.PublicKey.ToSubjectPublicKeyInfo());
        await ReadsVoltageAsync(secrets);
    }

    [Fact]
    public async Task A_wrong_meter_public_key_fails_with_a_clear_error_that_shows_no_key()
    {
        var secrets = HexSecrets();
        secrets.MeterPublicKey = Convert.ToHexString(EccKeyPair.Generate(EccCurve.P256).PublicKey.ToRaw());
        var settings = meter.Management();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => MeterSession.OpenAsync("e", settings, secrets, default));
        var text = ErrorText.Describe(error, settings.Endpoint);
        Assert.Contains("answer to the client's HLS mechanism 7 challenge is wrong", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secrets.SigningPrivateKey!, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_client_signing_key_is_refused_by_the_meter()
    {
        var secrets = HexSecrets();
        var wrong = EccKeyPair.Generate(EccCurve.P256);
        secrets.SigningPrivateKey = Convert.ToHexString(wrong.ExportPrivateKey());
        var settings = meter.Management();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => MeterSession.OpenAsync("e", settings, secrets, default));
        var text = ErrorText.Describe(error, settings.Endpoint);
        Assert.Contains("refused the association: The meter did not accept the answer to its HLS mechanism 7 challenge", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secrets.SigningPrivateKey!, text, StringComparison.OrdinalIgnoreCase);
    }
}
