namespace Cosem.Cli.Tests.Wireshark;

/// <summary>
/// The set-up the dissector tests share: a temporary directory of their own and the Lua dissector that
/// `cosem wireshark` generates into it before each test (xunit creates the test class per test), removed after.
/// </summary>
public abstract class GeneratedDissectorTests : IAsyncLifetime
{
    /// <param name="directoryPrefix">Names the temporary directory, so a leftover one says which tests made it.</param>
    protected GeneratedDissectorTests(string directoryPrefix)
    {
        WorkDirectory = Directory.CreateTempSubdirectory(directoryPrefix).FullName;
    }

    /// <summary>Where the test writes its pcaps and any other file.</summary>
    protected string WorkDirectory { get; }

    /// <summary>The generated dissector, for <see cref="Tshark.DissectAsync"/>.</summary>
    protected string Lua { get; private set; } = "";

    /// <summary>Generates the dissector; a failing `cosem wireshark` fails the test with its error output.</summary>
    public async Task InitializeAsync()
    {
        Lua = Path.Combine(WorkDirectory, "cosem.lua");
        var (exit, _, error) = await CliRunner.RunAsync(null, "wireshark", "--output", Lua);
        Assert.True(exit == 0, error);
    }

    /// <summary>Removes the directory with everything the test wrote.</summary>
    public Task DisposeAsync()
    {
        Directory.Delete(WorkDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
