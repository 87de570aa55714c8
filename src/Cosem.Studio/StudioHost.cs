using Cosem.Studio.Components;
using Cosem.Studio.Connections;
using Cosem.Studio.Meters;
using Cosem.Studio.Schema;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Cosem.Studio;

/// <summary>
/// Builds the studio's web application: Blazor Server (interactive server components) on 127.0.0.1 only, so the
/// meter connections, keys and scripts stay in this process and never reach the browser.
/// </summary>
public static class StudioHost
{
    /// <summary>The application for <paramref name="options"/>, not yet started.</summary>
    public static WebApplication Build(StudioOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            // Named explicitly: hosted in a test process the entry assembly is the test host, and the static asset
            // manifests are named after this application.
            ApplicationName = typeof(StudioHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        // Loopback only: the studio holds meter connections and keys, so it is never reachable from the network.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, options.Port));
        // The framework's blazor.web.js comes from the static web assets manifest when run from a build output.
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        Directory.CreateDirectory(options.DataDirectory);
        builder.Services.AddDataProtection()
            .SetApplicationName("Cosem.Studio")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectory, "keys")));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services => SchemaCatalog.Load(options.SchemaDirectory, services.GetService<ILoggerFactory>()?.CreateLogger("Cosem.Studio.Schema")));
        builder.Services.AddSingleton<MeterSessions>();
        builder.Services.AddSingleton(services => new ProfileStore(options.DataDirectory, services.GetRequiredService<IDataProtectionProvider>()));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();

        var app = builder.Build();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>The URL the started application listens on (the chosen port when 0 was asked).</summary>
    public static string Url(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The studio is not listening.");
        return address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/";
    }
}
