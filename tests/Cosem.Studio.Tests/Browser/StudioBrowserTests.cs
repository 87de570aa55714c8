using Cosem.Studio.Tests.Support;
using OpenQA.Selenium;

namespace Cosem.Studio.Tests.Browser;

/// <summary>
/// End to end in headless Chromium: the studio and the reference meter simulator in process, the page driven as an
/// engineer would. Screenshots of the main screens go to <c>screenshots/</c> under the test output.
/// </summary>
[Collection(nameof(StudioBrowserCollection))]
public sealed class StudioBrowserTests(StudioBrowser browser)
{
    private void ConnectManagement()
    {
        browser.Open("/");
        browser.Type("#port", browser.Simulator.WrapperPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        browser.Type("#client", "1");
        browser.Choose("#auth", "low");
        browser.Type("#password", SimulatedMeter.Password);
        browser.Find("#connect").Click();
        browser.Wait(d => d.Url.Contains("/meter/", StringComparison.Ordinal) ? d.Url : null);
        browser.Find(".class-group");
    }

    private void SelectObject(string obis)
    {
        browser.Find($".tree .object[data-obis='{obis}']").Click();
        browser.WaitForText("#object-title", obis);
    }

    private IWebElement AttributeRow(int index) => browser.Find($"#attribute-grid tr[data-attribute='{index}']");

    [BrowserFact]
    public void Connect_BrowseByClass_AndReadAScaledRegister()
    {
        ConnectManagement();
        var groups = browser.Driver.FindElements(By.CssSelector(".class-group")).Select(g => g.Text).ToArray();
        Assert.Contains(groups, g => g.StartsWith("Register (class 3 v0)", StringComparison.Ordinal));
        Assert.Contains(groups, g => g.StartsWith("Clock (class 8 v0)", StringComparison.Ordinal));
        SelectObject("1.0.32.7.0.255");
        // Voltage: raw 2278 with scaler -1 and unit V (35).
        browser.Wait(_ => AttributeRow(2).Text.Contains(" V", StringComparison.Ordinal) ? true : (bool?)null);
        Assert.Equal("read", browser.Find("#attribute-grid tr[data-attribute='2'] .access").Text);
        browser.Find("#attribute-grid tr[data-attribute='2'] .refresh").Click();
        browser.Wait(_ => AttributeRow(2).Text.Contains(" V", StringComparison.Ordinal) ? true : (bool?)null);
        browser.Screenshot("objects");
    }

    [BrowserFact]
    public void WriteAnEnumThroughItsChoices_ReadsItBack_AndInvokesAMethod()
    {
        ConnectManagement();
        SelectObject("0.0.96.3.10.255");
        browser.Wait(_ => AttributeRow(4).Text.Contains("mode_", StringComparison.Ordinal) ? true : (bool?)null);
        browser.Find("#attribute-grid tr[data-attribute='4'] .edit").Click();
        browser.Choose("#attribute-grid tr[data-attribute='4'] select.edit-input", "1");
        browser.Find("#attribute-grid tr[data-attribute='4'] .write").Click();
        browser.Wait(_ => AttributeRow(4).Text.Contains("mode_1 (1)", StringComparison.Ordinal) && AttributeRow(4).Text.Contains("written", StringComparison.Ordinal) ? true : (bool?)null);

        browser.Find("#method-grid tr[data-method='1'] .invoke").Click();
        browser.WaitForText("#method-grid tr[data-method='1'] .method-result", "success");
        browser.Find("#refresh-object").Click();
        browser.Wait(_ => AttributeRow(3).Text.Contains("disconnected (0)", StringComparison.Ordinal) ? true : (bool?)null);
        browser.Screenshot("write-and-invoke");
        browser.Find("#method-grid tr[data-method='2'] .invoke").Click();
        browser.WaitForText("#method-grid tr[data-method='2'] .method-result", "success");
    }

    [BrowserFact]
    public void InvokeAMethodWithAStructureParameter_ThroughItsFieldEditors()
    {
        ConnectManagement();
        SelectObject("0.0.44.0.0.255"); // Image transfer: image_transfer_initiate takes {image_identifier, image_size}
        const string method = "#method-grid tr[data-method='1']";
        browser.Find($"{method} .editor[data-kind='Structure']");
        browser.Type($"{method} .editor[data-label='image_identifier'] > input.edit-input", "53545544494F");
        browser.Type($"{method} .editor[data-label='image_size'] > input.edit-input", "4096");
        browser.Find($"{method} .invoke").Click();
        browser.WaitForText($"{method} .method-result", "success");
        browser.Find("#refresh-object").Click();
        browser.Wait(_ => AttributeRow(6).Text.Contains("image_transfer_initiated (1)", StringComparison.Ordinal) ? true : (bool?)null);
        browser.Screenshot("structure-parameter");

        // The same parameter through the advanced A-XDR editor: an image of 0 bytes is refused by the meter.
        browser.Find($"{method} .editor[data-kind='Structure'] .axdr-toggle").Click();
        browser.Type($"{method} input.axdr-input", "020209025354" + "0600000000");
        browser.Find($"{method} .invoke").Click();
        browser.Wait(_ => browser.Find($"{method} .method-result").Text is { Length: > 0 } text && !text.StartsWith("success", StringComparison.Ordinal) ? text : null);
    }

    [BrowserFact]
    public void WriteAStructuredArray_AddingAnItem_AndReadItBack()
    {
        ConnectManagement();
        SelectObject("0.0.25.9.0.255"); // Push setup: communication_window is an array of {start_time, end_time}
        browser.Find("#attribute-grid tr[data-attribute='4'] .edit").Click();
        const string row = "#attribute-grid tr[data-attribute='4']";
        browser.Find($"{row} .add-item").Click();
        browser.Type($"{row} .editor[data-label='start_time'] input.edit-time", "08:00:00");
        browser.Type($"{row} .editor[data-label='end_time'] input.edit-time", "18:30:00");
        browser.Screenshot("structured-write");
        browser.Find($"{row} .write").Click();
        browser.Wait(_ => AttributeRow(4).Text is var text && text.Contains("written", StringComparison.Ordinal)
            && text.Contains("08:00:00", StringComparison.Ordinal) && text.Contains("18:30:00", StringComparison.Ordinal) ? true : (bool?)null);

        // Back to no window: remove the item and write the empty array.
        browser.Find($"{row} .edit").Click();
        browser.Find($"{row} .remove-item").Click();
        browser.Find($"{row} .write").Click();
        browser.Wait(_ => AttributeRow(4).Text is var text && text.Contains("written", StringComparison.Ordinal)
            && !text.Contains("08:00:00", StringComparison.Ordinal) ? true : (bool?)null);
    }

    [BrowserFact]
    public void ABadEditorValue_IsShownOnItsRow_AndNotSent()
    {
        ConnectManagement();
        SelectObject("0.0.1.0.0.255");
        browser.Wait(_ => AttributeRow(3).Text.Contains("-60", StringComparison.Ordinal) ? true : (bool?)null);
        browser.Find("#attribute-grid tr[data-attribute='3'] .edit").Click();
        browser.Type("#attribute-grid tr[data-attribute='3'] input.edit-input", "sixty");
        browser.Find("#attribute-grid tr[data-attribute='3'] .write").Click();
        var error = browser.WaitForText("#attribute-grid tr[data-attribute='3'] .attribute-error", "not written");
        Assert.Contains("time_zone", error, StringComparison.Ordinal);
    }

    [BrowserFact]
    public void ReadTheLoadProfile_TenThousandRows_AsTableAndChart_WithoutFreezingThePage()
    {
        ConnectManagement();
        browser.Find("#tab-profile").Click();
        browser.Find("#read-profile").Click();
        var summary = browser.WaitForText("#profile-summary", "rows", seconds: 60);
        var series = browser.Wait(d => d.FindElements(By.CssSelector("#chart-svg polyline.series")) is { Count: 2 } found ? found : null);
        var rows = int.Parse(summary.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rows >= 10_000, summary);
        Assert.Contains("3 columns", summary, StringComparison.Ordinal);
        // Decimated to the chart's width: at most two points per bucket of 500, whatever the row count.
        Assert.All(series, s => Assert.InRange(int.Parse(s.GetAttribute("data-points")!, System.Globalization.CultureInfo.InvariantCulture), 100, 1000));
        Assert.Equal(200, browser.Driver.FindElements(By.CssSelector("#profile-table tbody tr")).Count); // the table renders in pages
        // The page is not frozen: a script round trip through the browser still answers (the driver's own time-out
        // fails it otherwise). How fast is a benchmark question, not a unit test's.
        Assert.Equal(1L, ((IJavaScriptExecutor)browser.Driver).ExecuteScript("return 1;"));
        browser.Find("#zoom-in").Click();
        browser.WaitForText("#chart-range", $"of {rows}");
        Assert.DoesNotContain($"rows 1–{rows}", browser.Find("#chart-range").Text, StringComparison.Ordinal);
        browser.Screenshot("profile");
    }

    [BrowserFact]
    public void TheFrameLog_ShowsApdusWithTheTranslatorsXml()
    {
        ConnectManagement();
        browser.Find("#tab-frames").Click();
        browser.Find("#apdus-only").Click();
        var first = browser.Find("#frame-table tr.frame");
        first.Click();
        var xml = browser.Find("#frame-xml").Text;
        Assert.Contains("<", xml, StringComparison.Ordinal);
        Assert.DoesNotContain(SimulatedMeter.Password, browser.Driver.PageSource, StringComparison.Ordinal);
        browser.Driver.FindElements(By.CssSelector("#frame-table tr.frame")).Last().Click();
        browser.Wait(_ => browser.Find("#frame-xml").Text.Contains("Response", StringComparison.Ordinal) ? true : (bool?)null);
        browser.Screenshot("frames");
    }

    [BrowserFact]
    public void AScript_RunsAgainstTheMeter()
    {
        ConnectManagement();
        browser.Find("#tab-script").Click();
        browser.Find("#run-script").Click();
        var output = browser.WaitForText("#script-output", "1.0.1.8.0.255", seconds: 60);
        Assert.Contains("time:", output, StringComparison.Ordinal);
        Assert.Contains("Wh", output, StringComparison.Ordinal);
        browser.Screenshot("script");
    }

    [BrowserFact]
    public void AWrongPassword_AndAnUnreachablePort_AreClearMessages()
    {
        browser.Open("/");
        browser.Type("#port", browser.Simulator.WrapperPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        browser.Type("#client", "1");
        browser.Choose("#auth", "low");
        browser.Type("#password", "wrong-password");
        browser.Find("#connect").Click();
        Assert.Contains("refused the association", browser.WaitForText("#connect-error", "refused"), StringComparison.Ordinal);

        browser.Type("#port", "1");
        browser.Find("#connect").Click();
        Assert.Contains("cannot connect to 127.0.0.1:1", browser.WaitForText("#connect-error", "cannot connect"), StringComparison.Ordinal);
        browser.Screenshot("connect-error");
    }

    [BrowserFact]
    public void ADeepLink_OpensTheConnection()
    {
        browser.Open($"/connect?host=127.0.0.1&port={browser.Simulator.WrapperPort}&client=16&server=1");
        browser.Wait(d => d.Url.Contains("/meter/", StringComparison.Ordinal) ? d.Url : null);
        browser.Find(".class-group");
        browser.Screenshot("deep-link");
    }
}

[CollectionDefinition(nameof(StudioBrowserCollection))]
public sealed class StudioBrowserCollection : ICollectionFixture<StudioBrowser>;
