using System.CommandLine;
using System.Globalization;

namespace Cosem.Cli.Commands;

/// <summary>The push options of <c>cosem simulate</c>: where each meter pushes its readings (periodically) and its
/// alarms (on every event).</summary>
internal sealed class SimulatePushOptions
{
    public Option<string?> PushTo { get; } = new("--push-to")
    {
        Description = "HOST:PORT every meter pushes to: its readings every --push-interval seconds and an alarm on every event (general-glo-ciphered when the management association is ciphered).",
    };

    public Option<int> PushInterval { get; } = new("--push-interval")
    {
        Description = "Seconds between two pushes of the readings.",
        DefaultValueFactory = _ => 60,
    };

    public Option<bool> PushUdp { get; } = new("--push-udp") { Description = "Push over the UDP wrapper instead of the TCP wrapper." };

    public IEnumerable<Option> All => [PushTo, PushInterval, PushUdp];

    /// <summary>The destination, interval and transport, or an error message.</summary>
    public (string? Destination, TimeSpan Interval, bool Udp, string? Error) Resolve(ParseResult parse)
    {
        var destination = parse.GetValue(PushTo);
        var interval = parse.GetValue(PushInterval);
        if (interval is < 1 or > 86_400)
        {
            return (null, default, false, $"--push-interval {interval} must be between 1 and 86400 seconds.");
        }
        if (destination is not null)
        {
            var colon = destination.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(destination.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                return (null, default, false, $"--push-to {destination} is not HOST:PORT.");
            }
        }
        return (destination, TimeSpan.FromSeconds(interval), parse.GetValue(PushUdp), null);
    }
}
