using Cosem.Studio.Tests.Support;
using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Cosem.Studio.Tests.Browser;

/// <summary>
/// One simulated meter, one studio (in process, on a free loopback port, with its own data directory) and one
/// headless Chromium for the whole browser suite, so it stays short.
/// </summary>
public sealed class StudioBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private WebApplication? _studio;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cosem-studio-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _profileDirectory = Path.Combine(Path.GetTempPath(), "cosem-studio-chromium-" + Guid.NewGuid().ToString("N"));

    /// <summary>The meter, with 105 days of quarter-hour load profile: 10,080 rows for the chart.</summary>
    public SimulatedMeter Simulator { get; } = new(historyDays: 105);

    public ChromeDriver Driver { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public string DataDirectory => _dataDirectory;

    /// <summary>Where screenshots go: <c>screenshots/</c> under the test output.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Why the browser tests cannot run here, or null when chromium and its driver are installed.</summary>
    public static string? MissingReason() =>
        File.Exists(ChromiumPath) && File.Exists(DriverPath)
            ? null
            : $"headless Chromium needs Debian's chromium and chromium-driver ({ChromiumPath}, {DriverPath}); .ci/run installs them.";

    public async Task InitializeAsync()
    {
        if (MissingReason() is { } missing)
        {
            throw new InvalidOperationException(missing);
        }
        await Simulator.InitializeAsync();
        _studio = StudioHost.Build(new StudioOptions { Port = 0, DataDirectory = _dataDirectory });
        await _studio.StartAsync();
        BaseUrl = StudioHost.Url(_studio).TrimEnd('/');
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        // The machine's network is closed: no sandbox (root in CI), no GPU, no background traffic, a fresh profile.
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            $"--user-data-dir={_profileDirectory}", "--window-size=1400,1000");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>Waits (up to 10 s) until <paramref name="condition"/> returns a value.</summary>
    public T Wait<T>(Func<IWebDriver, T?> condition, int seconds = 10)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)) { PollingInterval = TimeSpan.FromMilliseconds(50) };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        // Selenium waits on objects or booleans only: a null (or false) result means "not yet".
        return (T)wait.Until<object?>(driver => condition(driver) is { } value && value is not false ? value : null)!;
    }

    /// <summary>The element matching <paramref name="css"/> once it is displayed.</summary>
    public IWebElement Find(string css, int seconds = 10) =>
        Wait(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed), seconds);

    /// <summary>Waits for an element's text to contain <paramref name="text"/> and returns the text.</summary>
    public string WaitForText(string css, string text, int seconds = 10) =>
        Wait(d => d.FindElements(By.CssSelector(css)).Select(e => e.Text).FirstOrDefault(t => t.Contains(text, StringComparison.Ordinal)), seconds);

    /// <summary>Opens a page and waits until Blazor's circuit is up (interactive).</summary>
    public void Open(string path)
    {
        Driver.Navigate().GoToUrl(BaseUrl + path);
        // Pages are not prerendered: the layout appears only once the circuit is interactive.
        Find("header.top");
    }

    /// <summary>Replaces an input's text and fires change (Blazor binds on change).</summary>
    public void Type(string css, string text)
    {
        // Retried while a re-render replaces the element (Wait ignores stale references).
        Wait(_ =>
        {
            var input = Find(css);
            input.Clear();
            input.SendKeys(text + Keys.Tab);
            return true;
        });
    }

    /// <summary>Chooses an option of a select by its value.</summary>
    public void Choose(string css, string value)
    {
        Find(css).FindElement(By.CssSelector($"option[value='{value}']")).Click();
    }

    public void Screenshot(string name) => Driver.GetScreenshot().SaveAsFile(Path.Combine(ScreenshotDirectory, name + ".png"));

    public async Task DisposeAsync()
    {
        Driver?.Quit();
        Driver?.Dispose();
        if (_studio is not null)
        {
            await _studio.StopAsync();
            await _studio.DisposeAsync();
        }
        await Simulator.DisposeAsync();
        foreach (var directory in new[] { _dataDirectory, _profileDirectory })
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // chromium may still hold its profile for a moment; a temporary directory left behind is harmless
            }
        }
    }
}
