using System.Globalization;

namespace Cosem.Sdk.Soak;

/// <summary>What one soak run does; every value has a command-line flag (see <see cref="Usage"/>).</summary>
public sealed record SoakOptions
{
    /// <summary>Well-behaved associations held open for the whole run, each reading every <see cref="ReadInterval"/>.</summary>
    public int Associations { get; init; } = 10_000;

    /// <summary>How long the load runs after all associations are up.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Time between two reads of one association.</summary>
    public TimeSpan ReadInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Misbehaving peers, as a fraction of <see cref="Associations"/> (slow loris, reset mid-block, garbage in turn).</summary>
    public double MisbehavingFraction { get; init; } = 0.02;

    /// <summary>Samples taken before this are warm-up: not part of the growth check.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Time between two samples.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Allowed growth of the server's managed heap after GC, from the first post-warm-up sample to the last (percent).</summary>
    public double MaxHeapGrowthPercent { get; init; } = 10;

    /// <summary>Allowed growth of the server's working set over the same span (percent).</summary>
    public double MaxWorkingSetGrowthPercent { get; init; } = 20;

    /// <summary>Growth always allowed on top of the percentages, in MiB (allocator and GC noise on small heaps).</summary>
    public double GrowthSlackMiB { get; init; } = 16;

    /// <summary>Runs the server in this process (smoke runs, tests) instead of in a child process of its own.</summary>
    public bool InProcessServer { get; init; }

    /// <summary>Where to append the report as Markdown, or null.</summary>
    public string? MarkdownPath { get; init; }

    /// <summary>Connections opened at once while the associations ramp up.</summary>
    public int ConnectConcurrency { get; init; } = 64;

    /// <summary>The command-line help.</summary>
    public const string Usage = """
        usage: Cosem.Sdk.Soak [--associations N] [--duration S] [--interval S] [--misbehaving FRACTION]
                              [--warmup S] [--sample S] [--max-heap-growth PCT] [--max-ws-growth PCT] [--slack MIB]
                              [--in-process] [--markdown FILE]
        Defaults: 10000 associations, 600 s, a read every 5 s, 2 % misbehaving, 60 s warm-up, a sample every 15 s,
        heap growth <= 10 %, working-set growth <= 20 % (each + 16 MiB). Exit code 1 when memory grew or reads failed.
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with the usage on a bad flag.</summary>
    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SoakOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--associations" => options with { Associations = (int)Number() },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Number()) },
                "--interval" => options with { ReadInterval = TimeSpan.FromSeconds(Number()) },
                "--misbehaving" => options with { MisbehavingFraction = Number() },
                "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(Number()) },
                "--sample" => options with { SampleInterval = TimeSpan.FromSeconds(Number()) },
                "--max-heap-growth" => options with { MaxHeapGrowthPercent = Number() },
                "--max-ws-growth" => options with { MaxWorkingSetGrowthPercent = Number() },
                "--slack" => options with { GrowthSlackMiB = Number() },
                "--in-process" => options with { InProcessServer = true },
                "--markdown" => options with { MarkdownPath = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}\n{Usage}"),
            };
        }
        return options;
    }
}
