using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Cosem.Cli.Tests;

/// <summary>
/// <c>cosem simulate</c> with a secured management association, read by <c>cosem read --client 1</c> in the same
/// process: the same options read it, any wrong value is refused with a message and exit 1, bad values exit 2.
/// </summary>
public class SecurityOptionsTests
{
    private const string Key = "000102030405060708090A0B0C0D0E0F";
    private const string AuthKey = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF";
    private const string SerialNumber = "0.0.96.1.0.255";

    private static readonly string[] Gmac = ["--auth", "hls-gmac", "--security", "auth-enc", "--suite", "0", "--block-cipher-key", Key, "--authentication-key", AuthKey];

    private static int FreePort()
    {
        using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>Runs simulate with <paramref name="simulateOptions"/> and returns the results of reads with each option set.</summary>
    private static async Task<List<(int ExitCode, string Output, string Error)>> SimulateAndReadAsync(string[] simulateOptions, bool hdlc, params string[][] reads)
    {
        var wrapper = FreePort();
        var hdlcPort = FreePort();
        using var stop = new CancellationTokenSource();
        var simulate = CliRunner.RunAsync(stop.Token, ["simulate", "--wrapper-port", wrapper.ToString(), "--hdlc-port", hdlcPort.ToString(), .. simulateOptions]);
        var results = new List<(int, string, string)>();
        try
        {
            string[] target = hdlc ? ["--hdlc", "--port", hdlcPort.ToString()] : ["--port", wrapper.ToString()];
            // Wait for the listener with a public read.
            for (var attempt = 0; attempt < 100; attempt++)
            {
                if ((await CliRunner.RunAsync(null, ["read", .. target, "--obis", SerialNumber])).ExitCode == 0)
                {
                    break;
                }
                await Task.Delay(100);
            }
            foreach (var read in reads)
            {
                results.Add(await CliRunner.RunAsync(null, ["read", .. target, "--client", "1", "--obis", SerialNumber, "--json", .. read]));
            }
        }
        finally
        {
            stop.Cancel();
        }
        var (exit, _, error) = await simulate;
        Assert.True(exit == 0, error);
        return results;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hls_gmac_with_ciphering_reads_with_the_same_options_and_is_refused_with_a_wrong_key(bool hdlc)
    {
        var results = await SimulateAndReadAsync(Gmac, hdlc,
            Gmac,
            ["--auth", "hls-gmac", "--security", "auth-enc", "--block-cipher-key", "0F0E0D0C0B0A09080706050403020100", "--authentication-key", AuthKey],
            ["--auth", "hls-gmac", "--security", "auth", "--block-cipher-key", Key, "--authentication-key", AuthKey],
            ["--auth", "low", "--password", "12345678"]);

        Assert.True(results[0].ExitCode == 0, results[0].Error);
        Assert.Contains("\"value\": \"00000001\"", results[0].Output);
        foreach (var refused in results.Skip(1))
        {
            Assert.Equal(1, refused.ExitCode);
            Assert.StartsWith("error:", refused.Error);
            Assert.Contains("refused", refused.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(Key, refused.Error, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Hls_sha256_with_authenticated_ciphering_checks_the_secret()
    {
        string[] options = ["--auth", "hls-sha256", "--password", "secret-1", "--security", "auth", "--suite", "2",
            "--block-cipher-key", Key + Key, "--authentication-key", AuthKey + AuthKey];
        var results = await SimulateAndReadAsync(options, hdlc: false, options,
            ["--auth", "hls-sha256", "--password", "secret-2", "--security", "auth", "--suite", "2", "--block-cipher-key", Key + Key, "--authentication-key", AuthKey + AuthKey]);
        Assert.True(results[0].ExitCode == 0, results[0].Error);
        Assert.Equal(1, results[1].ExitCode);
        Assert.Contains("HLS", results[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hls_ecdsa_reads_with_pem_key_files_and_refuses_a_stranger()
    {
        var directory = Directory.CreateTempSubdirectory("cosem-cli-ecdsa-");
        try
        {
            string Write(string name, string pem)
            {
                var path = Path.Combine(directory.FullName, name);
                File.WriteAllText(path, pem);
                return path;
            }
            using var meterKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var meterPrivate = Write("meter.key", meterKey.ExportPkcs8PrivateKeyPem());
            var meterPublic = Write("meter.pub", meterKey.ExportSubjectPublicKeyInfoPem());
            var clientPrivate = Write("client.key", clientKey.ExportECPrivateKeyPem());
            var clientPublic = Write("client.pub", clientKey.ExportSubjectPublicKeyInfoPem());
            var strangerPrivate = Write("stranger.key", strangerKey.ExportPkcs8PrivateKeyPem());
            string[] common = ["--auth", "hls-ecdsa", "--suite", "1", "--security", "auth-enc", "--block-cipher-key", Key, "--authentication-key", AuthKey];

            var results = await SimulateAndReadAsync([.. common, "--private-key", meterPrivate, "--peer-certificate", clientPublic], hdlc: true,
                [.. common, "--private-key", clientPrivate, "--peer-certificate", meterPublic],
                [.. common, "--private-key", strangerPrivate, "--peer-certificate", meterPublic]);

            Assert.True(results[0].ExitCode == 0, results[0].Error);
            Assert.Equal(1, results[1].ExitCode);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--security", "auth-enc")]
    [InlineData("--security", "auth-enc", "--block-cipher-key", "00112233", "--authentication-key", AuthKey)]
    [InlineData("--security", "auth-enc", "--block-cipher-key", "not hex at all!!", "--authentication-key", AuthKey)]
    [InlineData("--security", "auth", "--suite", "2", "--block-cipher-key", Key, "--authentication-key", AuthKey)]
    [InlineData("--auth", "hls-gmac")]
    [InlineData("--auth", "hls-md5")]
    [InlineData("--auth", "hls-ecdsa", "--suite", "0")]
    [InlineData("--auth", "hls-ecdsa", "--suite", "1")]
    [InlineData("--auth", "none", "--password", "x")]
    [InlineData("--system-title", "12345")]
    [InlineData("--dedicated-key", Key)]
    public async Task Bad_security_options_exit_with_2(params string[] args)
    {
        var read = await CliRunner.RunAsync(null, ["read", "--port", "1", "--obis", SerialNumber, .. args]);
        Assert.Equal(2, read.ExitCode);
        Assert.StartsWith("error:", read.Error);
        Assert.DoesNotContain(AuthKey, read.Error, StringComparison.OrdinalIgnoreCase);

        var simulate = await CliRunner.RunAsync(null, ["simulate", "--wrapper-port", "0", "--hdlc-port", "0", .. args]);
        Assert.Equal(2, simulate.ExitCode);
    }
}
