using System.Net;
using Cosem.Samples.MeterSimulator;

namespace Cosem.Cli.Tests;

/// <summary>Tests that set process-wide environment variables or console writers run alone.</summary>
[CollectionDefinition(nameof(ProcessWideState), DisableParallelization = true)]
public sealed class ProcessWideState;

/// <summary>
/// Secrets from the command line, '-' (stdin), <c>--NAME-file</c> and <c>COSEM_*</c> environment variables: the
/// command line wins, and no output, error or trace shows the secret.
/// </summary>
[Collection(nameof(ProcessWideState))]
public sealed class SecretSourceTests : IAsyncLifetime
{
    private const string Password = "12345678"; // the simulator's management password
    private ReferenceMeterSimulator _meter = null!;

    private string Port => _meter.WrapperEndPoint!.Port.ToString();

    public async Task InitializeAsync() =>
        _meter = await ReferenceMeterSimulator.StartAsync(new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0 });

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("COSEM_PASSWORD", null);
        Environment.SetEnvironmentVariable("COSEM_BLOCK_CIPHER_KEY", null);
        await _meter.DisposeAsync();
    }

    private string[] ManagementRead(params string[] more) =>
        ["read", "--port", Port, "--client", "1", "--auth", "low", "--obis", "0.0.1.0.0.255", "--class", "8", .. more];

    [Fact]
    public async Task The_password_comes_from_the_environment()
    {
        Environment.SetEnvironmentVariable("COSEM_PASSWORD", Password);
        var (exit, output, error) = await CliRunner.RunAsync(null, ManagementRead());
        Assert.True(exit == 0, error);
        Assert.DoesNotContain(Password, output + error);
    }

    [Fact]
    public async Task The_command_line_wins_over_the_environment()
    {
        Environment.SetEnvironmentVariable("COSEM_PASSWORD", "wrong-one");
        var (exit, _, error) = await CliRunner.RunAsync(null, ManagementRead("--password", Password));
        Assert.True(exit == 0, error);
    }

    [Fact]
    public async Task A_wrong_password_from_the_environment_is_refused_without_being_shown()
    {
        Environment.SetEnvironmentVariable("COSEM_PASSWORD", "secret-xyz");
        var (exit, output, error) = await CliRunner.RunAsync(null, ManagementRead());
        Assert.Equal(1, exit);
        Assert.Contains("AuthenticationFailure", error);
        Assert.DoesNotContain("secret-xyz", output + error);
    }

    [Fact]
    public async Task The_password_comes_from_one_line_of_stdin()
    {
        var (exit, _, error) = await CliRunner.RunAsync(Password + "\nrest\n", ManagementRead("--password", "-"));
        Assert.True(exit == 0, error);
    }

    [Fact]
    public async Task Empty_stdin_for_a_dash_password_is_a_usage_error()
    {
        var (exit, _, error) = await CliRunner.RunAsync("", ManagementRead("--password", "-"));
        Assert.Equal(2, exit);
        Assert.Contains("--password -", error);
    }

    [Fact]
    public async Task The_password_comes_from_a_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, Password + "\n");
            var (exit, _, error) = await CliRunner.RunAsync(null, ManagementRead("--password-file", path));
            Assert.True(exit == 0, error);
            var (both, _, bothError) = await CliRunner.RunAsync(null, ManagementRead("--password-file", path, "--password", "x"));
            Assert.Equal(2, both);
            Assert.Contains("not both", bothError);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_bad_key_from_the_environment_is_named_but_not_shown()
    {
        Environment.SetEnvironmentVariable("COSEM_BLOCK_CIPHER_KEY", "00112233445566778899AABBCCDDEE");
        var (exit, output, error) = await CliRunner.RunAsync(null, "read", "--port", Port, "--all", "--security", "enc",
            "--authentication-key", "000102030405060708090A0B0C0D0E0F");
        Assert.Equal(2, exit);
        Assert.Contains("$COSEM_BLOCK_CIPHER_KEY", error);
        Assert.DoesNotContain("00112233445566778899AABBCCDDEE", output + error);
        Assert.DoesNotContain("000102030405060708090A0B0C0D0E0F", output + error);
    }

    [Fact]
    public async Task A_password_in_the_environment_is_ignored_where_none_is_needed()
    {
        Environment.SetEnvironmentVariable("COSEM_PASSWORD", Password);
        var (exit, _, error) = await CliRunner.RunAsync(null, "read", "--port", Port, "--obis", "0.0.1.0.0.255", "--class", "8");
        Assert.True(exit == 0, error);
    }

    [Fact]
    public async Task Verbose_traces_never_show_the_password()
    {
        Environment.SetEnvironmentVariable("COSEM_PASSWORD", Password);
        var (exit, output, error) = await CliRunner.RunAsync(null, ManagementRead("--verbose"));
        Assert.True(exit == 0, error);
        var all = output + error;
        Assert.Contains("APDU TX 60", all); // the AARQ was traced, its password masked
        Assert.DoesNotContain(Password, all);
        Assert.DoesNotContain("3132333435363738", all.Replace(" ", "", StringComparison.Ordinal));
    }
}
