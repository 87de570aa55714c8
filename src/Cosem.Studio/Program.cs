using Cosem.Studio;

// cosem studio [--port 5059] [--schema DIR]: serves the studio on 127.0.0.1 and prints its URL.
StudioOptions options;
try
{
    options = StudioOptions.Parse(args);
    var app = StudioHost.Build(options);
    await app.StartAsync();
    Console.WriteLine($"Cosem Studio: {StudioHost.Url(app)}  (Ctrl+C stops it)");
    await app.WaitForShutdownAsync();
    return 0;
}
catch (Exception e) when (e is ArgumentException or DirectoryNotFoundException or IOException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}
