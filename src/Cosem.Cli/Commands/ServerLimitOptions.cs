using System.CommandLine;
using Cosem.Sdk.Server;
using Microsoft.Extensions.Logging;

namespace Cosem.Cli.Commands;

/// <summary>
/// The resource limits of <c>cosem simulate</c> (each meter's server on its own): time-outs in whole seconds (0
/// disables one) and connection counts, mapped onto <see cref="CosemServerOptions"/> whose defaults they show.
/// </summary>
public sealed class ServerLimitOptions
{
    // Timers take at most int.MaxValue ms: about 24.8 days.
    private const int MaxSeconds = int.MaxValue / 1000;
    private static readonly CosemServerOptions Defaults = new();

    /// <summary><c>--inactivity-timeout</c>: seconds since the last useful request after which a connection is closed.</summary>
    public Option<int> InactivityTimeout { get; } = new("--inactivity-timeout")
    {
        Description = "Seconds without a useful request (AARQ, RLRQ, or a request of an association) before a connection is closed; 0 never.",
        DefaultValueFactory = _ => (int)Defaults.IdleTimeout.TotalSeconds,
    };

    /// <summary><c>--association-timeout</c>: seconds a connection has to complete an association.</summary>
    public Option<int> AssociationTimeout { get; } = new("--association-timeout")
    {
        Description = "Seconds a new connection has to complete an association (HLS included) before it is closed; 0 never.",
        DefaultValueFactory = _ => (int)Defaults.AssociationTimeout.TotalSeconds,
    };

    /// <summary><c>--max-connections</c>: connections one meter serves at once.</summary>
    public Option<int> MaxConnections { get; } = new("--max-connections")
    {
        Description = "Connections each meter serves at once; more are closed at once and counted.",
        DefaultValueFactory = _ => Defaults.MaxConnections,
    };

    /// <summary><c>--max-connections-per-address</c>: connections one meter serves at once from one IP address.</summary>
    public Option<int> MaxConnectionsPerAddress { get; } = new("--max-connections-per-address")
    {
        Description = "Connections each meter serves at once from one IP address.",
        DefaultValueFactory = _ => Defaults.MaxConnectionsPerAddress,
    };

    /// <summary>Every option, to add to a command.</summary>
    public IEnumerable<Option> All => [InactivityTimeout, AssociationTimeout, MaxConnections, MaxConnectionsPerAddress];

    /// <summary>What is wrong with the values given (one message), or null when they are usable.</summary>
    public string? Validate(ParseResult parse)
    {
        foreach (var option in new[] { InactivityTimeout, AssociationTimeout })
        {
            if (parse.GetValue(option) is < 0 or > MaxSeconds)
            {
                return $"{option.Name} {parse.GetValue(option)} must be between 0 (never) and {MaxSeconds} seconds.";
            }
        }
        foreach (var option in new[] { MaxConnections, MaxConnectionsPerAddress })
        {
            if (parse.GetValue(option) < 1)
            {
                return $"{option.Name} {parse.GetValue(option)} must be at least 1.";
            }
        }
        return null;
    }

    /// <summary>Server options with these limits, logging to <paramref name="loggers"/>; call after <see cref="Validate"/>.</summary>
    public CosemServerOptions CreateServerOptions(ParseResult parse, ILoggerFactory loggers) => new()
    {
        IdleTimeout = Seconds(parse.GetValue(InactivityTimeout)),
        AssociationTimeout = Seconds(parse.GetValue(AssociationTimeout)),
        MaxConnections = parse.GetValue(MaxConnections),
        MaxConnectionsPerAddress = parse.GetValue(MaxConnectionsPerAddress),
        LoggerFactory = loggers,
    };

    private static TimeSpan Seconds(int seconds) => seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
}
