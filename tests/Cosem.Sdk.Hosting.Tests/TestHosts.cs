using System.Collections.Concurrent;
using Cosem.Samples.MeterSimulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Hosting.Tests;

/// <summary>Hosts built from in-memory configuration, as an application would build them from appsettings.json.</summary>
internal static class TestHosts
{
    public const string Password = "s3cr3t-LLS-pw";
    public const string BlockCipherKey = "000102030405060708090A0B0C0D0E0F";

    /// <summary>A server on 127.0.0.1 port 0 (wrapper) hosting the reference meter with the management password from configuration.</summary>
    public static Dictionary<string, string?> ServerConfiguration() => new()
    {
        ["Cosem:Server:Endpoints:0:Transport"] = "tcp",
        ["Cosem:Server:Endpoints:0:Address"] = "127.0.0.1",
        ["Cosem:Server:Endpoints:0:Port"] = "0",
        ["Cosem:Server:MaxConnections"] = "10",
        ["Cosem:Server:InactivityTimeout"] = "00:00:30",
        ["Cosem:Server:Secrets:Passwords:Management"] = Password,
        ["Cosem:Server:Secrets:Keys:BlockCipherKey"] = BlockCipherKey,
    };

    public static IHost Build(Dictionary<string, string?> configuration, Action<IServiceCollection>? services = null, ILoggerProvider? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        }
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    public static void AddReferenceMeter(IServiceCollection services) =>
        services.AddCosemServer(server => server.AddDevice((_, secrets) => ReferenceMeterSimulator.CreateLogicalDevice(new MeterSimulatorOptions
        {
            ManagementPassword = secrets.GetPassword("Management"),
            HistoryDays = 0,
        })));
}

internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}
