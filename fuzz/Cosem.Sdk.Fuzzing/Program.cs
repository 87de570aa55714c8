using Cosem.Sdk.Fuzzing;

// Usage: Cosem.Sdk.Fuzzing TARGET            (under fuzz/driver: the libFuzzer loop)
//        Cosem.Sdk.Fuzzing TARGET FILE|DIR… (replay: runs each file once, exit 1 on the first failure)
//        Cosem.Sdk.Fuzzing --list           (target names and their -max_len, one per line)
//        Cosem.Sdk.Fuzzing --seed-text SRC DEST (translator-text seeds: the XML and JSON of each binary seed)
if (args.Length == 3 && args[0] == "--seed-text")
{
    return TextSeeds.Write(args[1], args[2]);
}
if (args.Length == 1 && args[0] == "--list")
{
    foreach (var t in FuzzTargets.All)
    {
        Console.WriteLine($"{t.Name} {t.MaxLength}");
    }
    return 0;
}
if (args.Length == 0 || FuzzTargets.Find(args[0]) is not { } target)
{
    Console.Error.WriteLine($"usage: Cosem.Sdk.Fuzzing TARGET [FILE|DIR...]; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
    return 2;
}

if (Environment.GetEnvironmentVariable("__LIBFUZZER_SHM_ID") is not null)
{
    SharpFuzz.Fuzzer.LibFuzzer.Run(input => FuzzPolicy.RunOnce(target, input));
    return 0;
}

var files = args.Skip(1).SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).Order();
var count = 0;
foreach (var file in files)
{
    try
    {
        FuzzPolicy.RunOnce(target, File.ReadAllBytes(file));
        count++;
    }
    catch (Exception ex)
    {
        Console.Error.WriteLine($"{target.Name}: {file}: {ex}");
        return 1;
    }
}
Console.WriteLine($"{target.Name}: {count} inputs replayed, no failure");
return 0;
