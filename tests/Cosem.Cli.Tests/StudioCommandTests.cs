using Cosem.Cli.Commands;

namespace Cosem.Cli.Tests;

/// <summary><c>cosem studio</c>: argument errors and how the tool finds the studio it starts.</summary>
public class StudioCommandTests
{
    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        var error = new StringWriter();
        var code = await Program.RunAsync(["studio", .. args], new System.CommandLine.InvocationConfiguration { Error = error, Output = new StringWriter() },
            null, CancellationToken.None);
        return (code, error.ToString());
    }

    [Fact]
    public async Task A_port_out_of_range_is_a_usage_error()
    {
        var (code, error) = await RunAsync("--port", "70000");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--port 70000 is not a TCP port", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_schema_directory_is_a_usage_error()
    {
        var (code, error) = await RunAsync("--schema", Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no such directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_studio_that_does_not_exist_is_not_found()
    {
        Assert.Null(StudioCommand.Locate("/no/such/Cosem.Studio.dll", AppContext.BaseDirectory));
    }

    [Fact]
    public void The_studio_beside_the_tool_is_preferred_over_a_checkout()
    {
        var directory = Directory.CreateTempSubdirectory("cosem-studio-locate");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "studio"));
            var beside = Path.Combine(directory.FullName, "studio", "Cosem.Studio.dll");
            File.WriteAllBytes(beside, []);
            Assert.Equal(beside, StudioCommand.Locate(null, directory.FullName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void In_a_repository_checkout_the_built_studio_is_found()
    {
        var directory = Directory.CreateTempSubdirectory("cosem-studio-checkout");
        try
        {
            var output = Directory.CreateDirectory(Path.Combine(directory.FullName, "src", "Cosem.Studio", "bin", "Debug", "net10.0"));
            var built = Path.Combine(output.FullName, "Cosem.Studio.dll");
            File.WriteAllBytes(built, []);
            var tool = Directory.CreateDirectory(Path.Combine(directory.FullName, "src", "Cosem.Cli", "bin", "Debug", "net10.0"));
            Assert.Equal(built, StudioCommand.Locate(null, tool.FullName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
