using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.EndToEnd;

namespace Cosem.Sdk.Tests.Security;

/// <summary>The session's protection path against the Green Book vectors, and keys changed by a request.</summary>
public class SessionProtectionTests
{
    private static readonly ObisCode RekeyName = new(0, 0, 96, 3, 0, 255);
    private static readonly byte[] NewKey = Convert.FromHexString("101112131415161718191A1B1C1D1E1F");

    [Fact]
    public async Task The_client_protection_produces_the_green_book_glo_get_request()
    {
        // Green Book Ed. 8 Table 40 "Example: glo-get-request xDLMS APDU": suite 0, authenticated encryption,
        // system title 4D4D4D0000BC614E, IC 01234567, keys 000102…0F / D0D1…DF (see ApduCipherGreenBookTests).
        var counters = new InMemoryInvocationCounterStore();
        var security = new ClientSecurity(new SecurityContext
        {
            Policy = SecurityPolicy.AuthenticatedEncrypted,
            SystemTitle = ApduCipherGreenBookTests.GreenBookTitle,
            Keys = new CipheringKeys(SecuritySuite.Suite0, ApduCipherGreenBookTests.BlockCipherKey, ApduCipherGreenBookTests.AuthenticationKey),
        }, counters);
        await counters.AdvancePastAsync(security.CounterId, ApduCipherGreenBookTests.GreenBookCounter - 1);
        var protection = ApduProtection.Ciphered(security);

        var sent = await protection.ProtectAsync(Convert.FromHexString("C001000008000001 0000FF0200".Replace(" ", "", StringComparison.Ordinal)), default);

        Assert.Equal("C81E30012345674113 12FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B".Replace(" ", "", StringComparison.Ordinal), Convert.ToHexString(sent.Span));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_key_set_after_the_response_applies_to_the_next_request_only(bool hdlc)
    {
        await using var meter = await SecureLoopbackMeter.StartAsync(Mechanism.Gmac, SecuritySuite.Suite0, SecurityPolicy.AuthenticatedEncrypted);
        meter.Device.Add(new RekeyObject(RekeyName));
        await using (var client = await meter.ConnectManagementAsync(hdlc))
        {
            // The ACTION result comes back under the old key; the key changes once it is sent.
            await client.InvokeDataAsync(new CosemMethodDescriptor(1, RekeyName, 1), CosemData.OctetString(NewKey));
            var refused = await Assert.ThrowsAsync<CosemExceptionResponseException>(
                () => client.GetDataAsync(new CosemAttributeDescriptor(8, SecureLoopbackMeter.ClockName, 2)).AsTask());
            Assert.Equal(ExceptionServiceError.DecipheringError, refused.ServiceError);
        }
        await Assert.ThrowsAsync<CosemAssociationException>(() => meter.ConnectManagementAsync(hdlc));
        // New key: the replay window started again, so a fresh counter store is accepted.
        var renewed = meter.ClientSecurity(keys: new CipheringKeys(SecuritySuite.Suite0, NewKey, SecureLoopbackMeter.AuthKey128));
        await using var again = await meter.ConnectManagementAsync(hdlc, renewed);
        await meter.ExerciseAsync(again);
    }

    /// <summary>Method 1 sets a new global unicast key, taking effect after its response (as Security setup key transfer does).</summary>
    private sealed class RekeyObject(ObisCode logicalName) : CosemObject(logicalName)
    {
        private static readonly CosemAttributeInfo[] s_attributes = [new(1, "logical_name", AttributeAccess.Read, true, 0x00)];
        private static readonly CosemMethodInfo[] s_methods = [new(1, "set_key", MethodAccess.Access, 0x08)];

        public override ushort ClassId => 1;

        public override byte Version => 0;

        public override IReadOnlyList<CosemAttributeInfo> Attributes => s_attributes;

        public override IReadOnlyList<CosemMethodInfo> Methods => s_methods;

        protected override ValueTask<DataAccessResult> ReadAttributeCoreAsync(int index, SelectiveAccessDescriptor? access, RequestContext context,
            IBufferWriter<byte> output, CancellationToken cancellationToken) => new(DataAccessResult.ObjectUndefined);

        protected override ValueTask<DataAccessResult> WriteAttributeCoreAsync(int index, ReadOnlyMemory<byte> value, RequestContext context,
            CancellationToken cancellationToken) => new(DataAccessResult.ReadWriteDenied);

        protected override ValueTask<ActionResult> InvokeMethodCoreAsync(int index, ReadOnlyMemory<byte> parameter, RequestContext context,
            IBufferWriter<byte> output, CancellationToken cancellationToken)
        {
            var server = Assert.IsType<ServerRequestContext>(context);
            var security = server.Security!;
            var reader = new AxdrReader(parameter.Span);
            var keys = security.Keys!.WithGlobalKeys(globalUnicastKey: reader.ReadOctetString());
            server.AfterResponse(() =>
            {
                security.SetKeys(keys);
                return ValueTask.CompletedTask;
            });
            return new(ActionResult.Success);
        }
    }
}
