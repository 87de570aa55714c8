namespace Cosem.Studio.Tests.Browser;

/// <summary>
/// A test that drives headless Chromium. xunit 2 decides skipping at discovery: without Debian's chromium and
/// chromium-driver the test is reported skipped with the reason — except when env CI=true (as .ci/run sets, after
/// installing them), where it always runs, so a missing browser fails CI instead of passing it silently.
/// </summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && StudioBrowser.MissingReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
