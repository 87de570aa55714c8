using System.Globalization;
using Cosem.Studio.Tests.Support;

namespace Cosem.Studio.Tests.Browser;

/// <summary>
/// The connection form's suite and HLS-ECDSA fields driven in headless Chromium against a suite-1 simulator: the keys
/// typed into password inputs open the meter, and none of them is echoed back to the page.
/// </summary>
[Collection(nameof(StudioBrowserCollection))]
public sealed class EcdsaBrowserTests(StudioBrowser browser)
{
    [BrowserFact]
    public async Task TheSuite1EcdsaFields_OpenTheMeter_WithoutEchoingAKey()
    {
        var meter = new EcdsaSimulatedMeter();
        await meter.InitializeAsync();
        try
        {
            var privateHex = Convert.ToHexString(meter.ClientKey.ExportPrivateKey());
            // The meter key as PEM on one line, as a paste into a password input arrives.
            var meterPem = new string(System.Security.Cryptography.PemEncoding.Write("PUBLIC KEY", meter.MeterKey.PublicKey.ToSubjectPublicKeyInfo())
                .Where(c => c is not ('\n' or '\r')).ToArray());
            browser.Open("/");
            browser.Type("#port", meter.Management().Port.ToString(CultureInfo.InvariantCulture));
            browser.Type("#client", "1");
            browser.Choose("#auth", "hls-ecdsa");
            browser.Choose("#security", "authenticated-encrypted");
            browser.Choose("#suite", "1");
            browser.Type("#block-key", CipheredSimulatedMeter.BlockCipherKey);
            browser.Type("#auth-key", CipheredSimulatedMeter.AuthenticationKey);
            browser.Type("#signing-key", privateHex);
            browser.Type("#meter-key", meterPem);
            Assert.Equal("password", browser.Find("#signing-key").GetAttribute("type"));
            Assert.Equal("password", browser.Find("#meter-key").GetAttribute("type"));
            Assert.DoesNotContain(privateHex, browser.Driver.PageSource, StringComparison.OrdinalIgnoreCase);
            browser.Find("#connect").Click();
            browser.Wait(d => d.Url.Contains("/meter/", StringComparison.Ordinal) ? d.Url : null);
            browser.Find(".class-group");
            Assert.DoesNotContain(privateHex, browser.Driver.PageSource, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(CipheredSimulatedMeter.BlockCipherKey, browser.Driver.PageSource, StringComparison.OrdinalIgnoreCase);
            browser.Screenshot("connect-ecdsa");
        }
        finally
        {
            await meter.DisposeAsync();
        }
    }
}
