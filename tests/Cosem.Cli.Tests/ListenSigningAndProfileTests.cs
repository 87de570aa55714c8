using System.Text.Json.Nodes;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;

namespace Cosem.Cli.Tests;

/// <summary>
/// <c>cosem listen --signing-key</c>: general-signing pushes verified with the meter's public key (hex or a key
/// file) and shown as signed, refused without it; <c>cosem listen --device-profile</c>: push object lists written
/// with the members of schema/devices/reference-meter.cosem.xml, and values named by member.
/// </summary>
public sealed class ListenSigningAndProfileTests : IDisposable
{
    private static readonly SystemTitle MeterTitle = SystemTitle.Parse("4D4D4D0000BC614E");
    private static readonly ObisCode PushName = new(0, 0, 25, 9, 0, 255);
    private static readonly ObisCode EnergyName = new(1, 0, 1, 8, 0, 255);
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"cosem-signing-{Guid.NewGuid():N}.der");

    public void Dispose() => File.Delete(_keyFile);

    [Theory]
    [InlineData(false, EccCurve.P256)]
    [InlineData(true, EccCurve.P384)]
    public async Task A_signed_push_is_verified_with_the_key_of_its_system_title_and_shown_signed(bool json, EccCurve curve)
    {
        var key = EccKeyPair.Generate(curve);
        // The table case gives the key in hex, the JSON case as a public key file (DER SubjectPublicKeyInfo).
        string keyText;
        if (json)
        {
            await File.WriteAllBytesAsync(_keyFile, key.PublicKey.ToSubjectPublicKeyInfo());
            keyText = _keyFile;
        }
        else
        {
            keyText = Convert.ToHexString(key.PublicKey.ToRaw());
        }
        var (exit, output, error) = await ListenWhilePushingAsync(key, TimeSpan.FromSeconds(60),
            ["--count", "1", "--signing-key", $"{MeterTitle}={keyText}", .. json ? ["--format", "json"] : Array.Empty<string>()]);

        Assert.True(exit == 0, error);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        if (json)
        {
            var notification = JsonNode.Parse(line)!;
            Assert.True((bool)notification["signed"]!);
            Assert.Equal("plain", (string?)notification["protection"]);
            Assert.Equal(MeterTitle.ToString(), (string?)notification["systemTitle"]);
            Assert.Equal(4321u, (uint)notification["body"]!["items"]![1]!["value"]!);
        }
        else
        {
            Assert.Contains(" plain signed", line, StringComparison.Ordinal);
            Assert.Contains(MeterTitle.ToString(), line, StringComparison.Ordinal);
            Assert.Contains("4321", line, StringComparison.Ordinal);
        }
        Assert.True(error.Contains(" 0 rejected", StringComparison.Ordinal), error);
    }

    [Fact]
    public async Task A_signed_push_is_refused_without_a_signing_key_and_with_another_meters_key()
    {
        var key = EccKeyPair.Generate(EccCurve.P256);
        var other = Convert.ToHexString(EccKeyPair.Generate(EccCurve.P256).PublicKey.ToRaw());
        var (exit, output, error) = await ListenWhilePushingAsync(key, TimeSpan.FromSeconds(6), ["--signing-key", $"{MeterTitle}={other}"]);

        Assert.True(exit == 0, error);
        Assert.Equal("", output);
        Assert.Contains("rejected: InvalidSignature", error, StringComparison.Ordinal);

        (exit, output, error) = await ListenWhilePushingAsync(key, TimeSpan.FromSeconds(6), []);
        Assert.True(exit == 0, error);
        Assert.Equal("", output);
        Assert.Contains("rejected: UnknownMeter", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SYSTEMTITLE")]
    [InlineData("4D4D4D0000BC614E=00112233")]
    [InlineData("4D4D4D=/no/such/file")]
    public async Task A_malformed_signing_key_exits_2_with_one_line(string value)
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "listen", "--signing-key", value);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: --signing-key", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pushes_are_typed_with_the_members_of_a_device_profile(bool json)
    {
        var (exit, output, error) = await ListenWhileSimulating.RunAsync(ListenWhileSimulating.FreePort(),
            ["--count", "1", "--device-profile", ReferenceMeterProfile(),
             "--objects", "PushSetup/1,Clock/2,ActiveEnergyImport/2,3/1.0.2.8.0.255/2,VoltageL1/2",
             .. json ? ["--format", "json"] : Array.Empty<string>()],
            [], TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, error);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        if (json)
        {
            var values = JsonNode.Parse(line)!["values"]!.AsArray();
            Assert.Equal(5, values.Count);
            Assert.Equal("40/0.0.25.9.0.255/1", (string?)values[0]!["object"]);
            Assert.Equal("PushSetup", (string?)values[0]!["member"]);
            Assert.Equal("3/1.0.1.8.0.255/2", (string?)values[2]!["object"]);
            Assert.Equal("ActiveEnergyImport", (string?)values[2]!["member"]);
            // Given as CLASS/OBIS, still named by the profile.
            Assert.Equal("ActiveEnergyExport", (string?)values[3]!["member"]);
            Assert.Equal("double-long-unsigned", (string?)values[2]!["value"]!["type"]);
        }
        else
        {
            Assert.Contains("PushSetup/1=", line, StringComparison.Ordinal);
            Assert.Contains("Clock/2=", line, StringComparison.Ordinal);
            Assert.Contains("ActiveEnergyImport/2=", line, StringComparison.Ordinal);
            Assert.Contains("ActiveEnergyExport/2=", line, StringComparison.Ordinal);
            Assert.Contains("VoltageL1/2=", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_objects_entry_naming_no_member_of_the_device_profile_exits_2()
    {
        var (exit, _, error) = await CliRunner.RunAsync(null, "listen", "--device-profile", ReferenceMeterProfile(), "--objects", "GasMeter/2");

        Assert.Equal(2, exit);
        Assert.Contains("has no member 'GasMeter'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_profile_with_errors_or_without_a_device_exits_2_naming_the_file()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"cosem-profile-{Guid.NewGuid():N}.cosem.xml");
        try
        {
            await File.WriteAllTextAsync(broken, "<device xmlns=\"urn:cosem-sdk:schema:1\" name=\"Broken\"><object member=\"Clock\" class=\"NoSuchClass\" logical-name=\"0.0.1.0.0.255\"/></device>");
            var (exit, _, error) = await CliRunner.RunAsync(null, "listen", "--device-profile", broken, "--objects", "Clock/2");
            Assert.Equal(2, exit);
            Assert.StartsWith($"error: --device-profile {Path.GetFileName(broken)}", error, StringComparison.Ordinal);

            await File.WriteAllTextAsync(broken, "<interface-class xmlns=\"urn:cosem-sdk:schema:1\" name=\"Mine\" id=\"9000\" version=\"0\"><attribute index=\"1\" name=\"logical_name\" type=\"octet-string\" size=\"6\"/></interface-class>");
            (exit, _, error) = await CliRunner.RunAsync(null, "listen", "--device-profile", broken);
            Assert.Equal(2, exit);
            Assert.StartsWith($"error: --device-profile {Path.GetFileName(broken)}", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    // cosem listen while an in-process Push setup signs its notifications (general-signing, content in the clear)
    // and pushes them over TCP until the listener stops (--count, or the time-out standing for Ctrl+C).
    private static async Task<(int Exit, string Output, string Error)> ListenWhilePushingAsync(EccKeyPair key, TimeSpan runFor, string[] options)
    {
        var listenPort = ListenWhileSimulating.FreePort();
        using var timeout = new CancellationTokenSource(runFor);
        var listen = CliRunner.RunAsync(timeout.Token, ["listen", "--address", "127.0.0.1", "--port", listenPort.ToString(), .. options]);
        var push = SigningMeter(key, listenPort);
        while (!listen.IsCompleted)
        {
            await push.PushNowAsync();
            await Task.WhenAny(listen, Task.Delay(300));
        }
        return await listen;
    }

    private static PushSetupServer SigningMeter(EccKeyPair key, int port)
    {
        var device = new LogicalDevice();
        var energy = new Data(EnergyName) { Value = CosemData.FromUInt32(4321) };
        device.Add(energy);
        var keys = new CipheringKeys(key.Curve == EccCurve.P384 ? SecuritySuite.Suite2 : SecuritySuite.Suite1,
            new byte[key.Curve == EccCurve.P384 ? 32 : 16], new byte[key.Curve == EccCurve.P384 ? 32 : 16]);
        var push = new PushSetupServer(PushName, device, new PushSetupServerOptions
        {
            Security = new AssociationSecurity(MeterTitle, keys) { SigningKey = key },
            Protection = PushCiphering.None,
            Signed = true,
        })
        {
            SendDestinationAndMethod = new SendDestinationAndMethod(PushTransportService.Tcp, PushSetupServer.Destination("127.0.0.1", port),
                PushMessageType.AXdrEncodedXdlmsApdu),
        };
        device.Add(push);
        push.Push(push, 1).Push(energy);
        return push;
    }

    private static string ReferenceMeterProfile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "schema", "devices", "reference-meter.cosem.xml");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException("schema/devices/reference-meter.cosem.xml not found above the test directory.");
    }
}
