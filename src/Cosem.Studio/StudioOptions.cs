using System.Globalization;

namespace Cosem.Studio;

/// <summary>The studio's command line: <c>--port 5059 --schema DIR --data-dir DIR</c>.</summary>
public sealed record StudioOptions
{
    /// <summary>The default port, beside DLMS's 4059.</summary>
    public const int DefaultPort = 5059;

    /// <summary>The port on 127.0.0.1; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>A directory of the user's own <c>*.cosem.xml</c> schema files, or null.</summary>
    public string? SchemaDirectory { get; init; }

    /// <summary>Where saved profiles and the Data Protection keys live.</summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory();

    /// <summary>Parses the arguments; unknown or bad ones throw <see cref="ArgumentException"/>.</summary>
    public static StudioOptions Parse(IReadOnlyList<string> args)
    {
        var options = new StudioOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--port" => options with
                {
                    Port = int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
                        ? port
                        : throw new ArgumentException($"--port {args[i]} is not a TCP port (0-65535)."),
                },
                "--schema" => options with { SchemaDirectory = Value() },
                "--data-dir" => options with { DataDirectory = Value() },
                _ => throw new ArgumentException($"Unknown option {args[i]}; the studio takes --port N, --schema DIR and --data-dir DIR."),
            };
        }
        return options;
    }

    private static string DefaultDataDirectory()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "cosem-studio");
    }
}
