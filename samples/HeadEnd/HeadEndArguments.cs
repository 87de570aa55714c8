using System.Globalization;

namespace Cosem.Samples.HeadEnd;

/// <summary>The sample's command line (docs/head-end.md lists every option).</summary>
internal sealed record HeadEndArguments
{
    public const string Usage = """
        Usage: HeadEnd [--simulate N] [--once] [--benchmark] [--meters-per-port N] [--hdlc] [--refusing N]
                       [--interval SECONDS] [--connections N] [--db PATH | --postgres CONNECTION]
                       [--silo N] [--cluster CONNECTION [--cluster-id ID]] [--push-port P [--push-udp]] [--verbose]
        """;

    /// <summary>Simulated meters started in this process (0: none, a silo that only reads).</summary>
    public int Simulate { get; init; } = 1000;

    public bool Once { get; init; }

    public bool Benchmark { get; init; }

    public int MetersPerPort { get; init; } = 1000;

    public bool Hdlc { get; init; }

    public int Refusing { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    public int Connections { get; init; } = 64;

    public string? Database { get; init; }

    public string? Postgres { get; init; }

    /// <summary>1 for the first silo; 2, 3… for silos that join it (ports 11111 + N − 1 and 30000 + N − 1).</summary>
    public int Silo { get; init; } = 1;

    /// <summary>PostgreSQL connection for the cluster's membership, reminders and grain storage (the head-end's own
    /// tables, created on the first start); null for localhost clustering with in-memory reminders.</summary>
    public string? Cluster { get; init; }

    /// <summary>The Orleans cluster and service id every silo of one cluster shares.</summary>
    public string ClusterId { get; init; } = "cosem-headend";

    /// <summary>The port the silo's push listener takes (keys from the Cosem:HeadEnd:Keys configuration); null for
    /// no listener.</summary>
    public int? PushPort { get; init; }

    /// <summary>The push listener takes UDP datagrams instead of TCP connections.</summary>
    public bool PushUdp { get; init; }

    public bool Verbose { get; init; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with the usage on a bad one.</summary>
    public static HeadEndArguments Parse(string[] args)
    {
        var result = new HeadEndArguments();
        var simulateGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            int Number(int min) => int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                ? n : throw new ArgumentException($"{args[i - 1]} needs a whole number of at least {min}.\n{Usage}");
            var argument = args[i];
            simulateGiven |= argument == "--simulate";
            result = argument switch
            {
                "--simulate" => result with { Simulate = Number(0) },
                "--once" => result with { Once = true },
                "--benchmark" => result with { Benchmark = true, Once = true },
                "--meters-per-port" => result with { MetersPerPort = Number(1) },
                "--hdlc" => result with { Hdlc = true },
                "--refusing" => result with { Refusing = Number(0) },
                "--interval" => result with { Interval = TimeSpan.FromSeconds(Number(10)) },
                "--connections" => result with { Connections = Number(1) },
                "--db" => result with { Database = Next() },
                "--postgres" => result with { Postgres = Next() },
                "--silo" => result with { Silo = Number(1) },
                "--cluster" => result with { Cluster = Next() },
                "--cluster-id" => result with { ClusterId = Next() },
                "--push-port" => result with { PushPort = Number(1) is var port and <= 65535 ? port
                    : throw new ArgumentException($"--push-port needs a port of at most 65535.\n{Usage}") },
                "--push-udp" => result with { PushUdp = true },
                "--verbose" => result with { Verbose = true },
                _ => throw new ArgumentException($"Unexpected argument '{argument}'.\n{Usage}"),
            };
        }
        if (result.Benchmark && !simulateGiven)
        {
            result = result with { Simulate = 10_000 };
        }
        if (result.Database is not null && result.Postgres is not null)
        {
            throw new ArgumentException($"--db and --postgres name two stores; give one.\n{Usage}");
        }
        if (result.Once && result.Simulate == 0)
        {
            throw new ArgumentException($"--once reads the simulated meters of this process: give --simulate N.\n{Usage}");
        }
        if (result.PushUdp && result.PushPort is null)
        {
            throw new ArgumentException($"--push-udp needs --push-port P.\n{Usage}");
        }
        return result;
    }
}
