using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;
using BlueBook = Cosem.Sdk.Objects;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>
/// Security setup v1 sends security_policy as a bit mask with the enum tag (Blue Book, class 64 v1): the schema maps
/// it with flags="SecurityPolicy" over type="enum", and the generated code must keep the tag.
/// </summary>
public class FlagsOverEnumTests
{
    [Fact]
    public async Task Security_policy_is_typed_flags_and_encoded_with_the_enum_tag()
    {
        var policy = Cosem.Sdk.Security.SecurityPolicyFlags.AuthenticatedRequest | Cosem.Sdk.Security.SecurityPolicyFlags.EncryptedResponse;
        var setup = new BlueBook.SecuritySetup(Obis.ObisCode.SecuritySetup) { SecurityPolicy = policy };

        var output = new ArrayBufferWriter<byte>();
        var result = await setup.ReadAttributeAsync(2, null, RequestContext.Local, output);

        Assert.Equal(DataAccessResult.Success, result);
        Assert.Equal([0x16, (byte)policy], output.WrittenSpan.ToArray());

        var written = await setup.WriteAttributeAsync(2, new byte[] { 0x16, (byte)Cosem.Sdk.Security.SecurityPolicyFlags.EncryptedRequest }, RequestContext.Local);
        Assert.Equal(DataAccessResult.Success, written);
        Assert.Equal(Cosem.Sdk.Security.SecurityPolicyFlags.EncryptedRequest, setup.SecurityPolicy);

        // An unsigned where the enum tag is due is refused, not guessed.
        Assert.Equal(DataAccessResult.TypeUnmatched, await setup.WriteAttributeAsync(2, new byte[] { 0x11, 0x04 }, RequestContext.Local));
    }
}
