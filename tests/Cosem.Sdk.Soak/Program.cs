using System.Globalization;
using Cosem.Sdk.Soak;

// Soak and load harness (docs/benchmarks.md, "Soak"). `--serve N` is the server child process it starts itself.
if (args.Length == 2 && args[0] == "--serve")
{
    return await ServerProcess.ServeAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
}

SoakOptions options;
try
{
    options = SoakOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var result = await SoakRun.RunAsync(options, Console.Out);
if (options.MarkdownPath is { } path)
{
    var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[..3] : ["?", "?", "?"];
    var machine = $"{Environment.ProcessorCount} cores, load average at the end {string.Join(" / ", load)}";
    await File.AppendAllTextAsync(path, SoakReport.Markdown(result, machine));
}
return result.Passed ? 0 : 1;
