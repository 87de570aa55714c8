using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Simulation;
using Cosem.HeadEnd.Storage;
using Cosem.Samples.HeadEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// A head-end on Orleans reading simulated meters: `--simulate 1000` reads them on schedule with a live display,
// `--once` reads each once and prints a summary, `--benchmark` measures 10,000 meters (docs/head-end.md).
HeadEndArguments arguments;
try
{
    arguments = HeadEndArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var temporaryDatabase = arguments.Postgres is null && arguments.Database is null
    ? Path.Combine(Path.GetTempPath(), $"cosem-headend-{Guid.NewGuid():N}.db")
    : null;
IReadingStore store = arguments.Postgres is { } postgres
    ? new PostgresReadingStore(postgres)
    : new SqliteReadingStore(arguments.Database ?? temporaryDatabase!);
try
{
    await store.InitializeAsync();
    await using var farm = arguments.Simulate > 0
        ? await SimulatedMeterFarm.StartAsync(new SimulatedMeterFarmOptions
        {
            Meters = arguments.Simulate,
            MetersPerPort = Math.Min(arguments.MetersPerPort, 8000),
            Transport = arguments.Hdlc ? MeterTransport.HdlcOverTcp : MeterTransport.Wrapper,
            RefusingMeters = Math.Min(arguments.Refusing, arguments.Simulate),
            ReadInterval = arguments.Once ? TimeSpan.FromDays(1) : arguments.Interval,
        })
        : null;
    var catalog = new InMemoryMeterCatalog().AddRange(farm?.Meters ?? []);
    using var host = SiloHost.Build(arguments, store, catalog);
    await host.StartAsync();
    if (farm is null)
    {
        Console.WriteLine($"Silo {arguments.Silo} joined the cluster; meters move here as the cluster balances. Ctrl+C stops it.");
        await host.WaitForShutdownAsync();
        return 0;
    }
    Console.WriteLine($"{farm.Meters.Count:N0} simulated meters on {farm.Ports.Count} port(s) ({(arguments.Hdlc ? "HDLC over TCP" : "wrapper")}), store: {(arguments.Postgres is null ? arguments.Database ?? temporaryDatabase : "PostgreSQL")}.");
    var run = new FleetRun(host.Services.GetRequiredService<IGrainFactory>(), host.Services, farm, store, arguments);
    var exitCode = arguments.Once ? await run.ReadOnceAsync() : await run.ReadOnScheduleAsync(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
    await host.StopAsync();
    return exitCode;
}
finally
{
    switch (store)
    {
        case IAsyncDisposable asyncDisposable:
            await asyncDisposable.DisposeAsync();
            break;
        case IDisposable disposable:
            disposable.Dispose();
            break;
    }
    if (temporaryDatabase is not null)
    {
        foreach (var file in new[] { temporaryDatabase, temporaryDatabase + "-wal", temporaryDatabase + "-shm" })
        {
            File.Delete(file);
        }
    }
}
