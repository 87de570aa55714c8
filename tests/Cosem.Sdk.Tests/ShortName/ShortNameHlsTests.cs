using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Tests.EndToEnd;
using Cosem.Sdk.Tests.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Tests.ShortName;

/// <summary>
/// High level security over SN referencing: pass 3 travels as reply_to_HLS_authentication, Association SN method 8
/// at 0xFA58, invoked by a Read with parameterized access; until it verifies, nothing else is served.
/// </summary>
public class ShortNameHlsTests
{
    public static TheoryData<Mechanism, SecuritySuite, SecurityPolicy, bool> Mechanisms()
    {
        var data = new TheoryData<Mechanism, SecuritySuite, SecurityPolicy, bool>();
        foreach (var hdlc in new[] { false, true })
        {
            data.Add(Mechanism.Md5, SecuritySuite.Suite0, SecurityPolicy.None, hdlc);
            data.Add(Mechanism.Sha1, SecuritySuite.Suite0, SecurityPolicy.None, hdlc);
            data.Add(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted, hdlc);
            data.Add(Mechanism.Sha256, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted, hdlc);
            data.Add(Mechanism.Ecdsa, SecuritySuite.Suite1, SecurityPolicy.AuthenticatedEncrypted, hdlc);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Mechanisms))]
    public async Task Every_hls_mechanism_opens_an_sn_association(Mechanism mechanism, SecuritySuite suite, SecurityPolicy policy, bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(mechanism, suite, policy, shortName: true);
        await using var client = await meter.ConnectManagementAsync(hdlc);

        Assert.True(client.IsShortName);
        Assert.NotEmpty(client.ShortNames); // the object list was read after pass 4
        // Read and write through the typed proxies, protected as negotiated (the test object's methods have no SN offsets).
        var device = new ReferenceMeter(client);
        Assert.Equal(SecureLoopbackMeter.Now, (await device.Clock.GetTimeAsync()).ToDateTimeOffset());
        Assert.Equal(12_345_678ul, (await device.ActiveEnergyImport.GetValueAsync()).AsUInt64());
        var blob = Axdr.CosemData.OctetString(Enumerable.Range(0, 300).Select(i => (byte)i).ToArray());
        var blobValue = new CosemAttributeDescriptor(1, SecureLoopbackMeter.BlobName, 2);
        await client.SetDataAsync(blobValue, blob);
        Assert.Equal(blob, await client.GetDataAsync(blobValue));
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task A_wrong_hls_secret_fails_the_association_with_a_typed_error()
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Md5, SecuritySuite.Suite0, SecurityPolicy.None, shortName: true);

        var error = await Assert.ThrowsAsync<CosemAssociationException>(() =>
            meter.ConnectManagementAsync(false, meter.ClientSecurity(secret: "not the secret"u8.ToArray())));
        Assert.Equal(SecurityFailure.HlsVerificationFailed, error.SecurityFailure);
    }

    [Fact]
    public async Task Before_pass_3_only_the_hls_reply_is_served()
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Md5, SecuritySuite.Suite0, SecurityPolicy.None, shortName: true);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var options = meter.ManagementOptions(meter.ClientSecurity());
        await using var raw = new RawClient(await meter.Transport(false).OpenAsync(options, NullLoggerFactory.Instance, cts.Token));
        var aareBytes = await raw.RequestAsync(new AarqApdu
        {
            ApplicationContextName = ApplicationContextName.ShortName,
            SenderAcseRequirements = AcseRequirements.Authentication,
            MechanismName = MechanismName.HighMd5,
            CallingAuthenticationValue = AuthenticationValue.CharString("0123456789ABCDEF"u8.ToArray()),
            UserInformation = new InitiateRequest { ProposedConformance = AssociationOptions.ShortNameConformance, ClientMaxReceivePduSize = 0xFFFF }.ToArray(),
        }.ToArray());
        var aare = (AareApdu)ApduDecoder.Decode(aareBytes);
        Assert.Equal(AssociationResult.Accepted, aare.Result);

        // Reading the object list (0xFA08) while authentication is pending is refused, not served.
        var refused = await raw.RequestAsync<ConfirmedServiceError>(new ReadRequest([VariableAccessSpecification.ByName(0xFA08)]));
        Assert.Equal(ServiceErrorKind.Access, refused.ErrorKind);
        // A wrong f(StoC) through reply_to_HLS_authentication is answered, and leaves the association unusable.
        var reply = await raw.RequestAsync<ReadResponse>(new ReadRequest(
            [VariableAccessSpecification.Parameterized(0xFA58, 0, Axdr.CosemData.OctetString(new byte[16]).ToArray())]));
        Assert.Equal(ReadResultKind.DataAccessError, reply.Results[0].Kind);
        var after = ApduDecoder.Decode(await raw.RequestAsync(new ReadRequest([VariableAccessSpecification.ByName(0xFA08)]).ToArray()));
        Assert.True(after is ConfirmedServiceError or ExceptionResponse, after.GetType().Name);
    }
}
