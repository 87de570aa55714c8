using Cosem.Sdk.Security;

namespace Cosem.Sdk.Tests.Security;

/// <summary>System titles, the security control byte and the policy conversions.</summary>
public class SecurityValueTests
{
    [Fact]
    public void System_title_parses_formats_and_compares()
    {
        var title = SystemTitle.Parse("4D4D4D0000BC614E");
        Assert.Equal("4D4D4D0000BC614E", title.ToString());
        Assert.Equal("MMM", title.ManufacturerId);
        Assert.Equal(title, new SystemTitle(Convert.FromHexString("4D4D4D0000BC614E")));
        Assert.Equal(title, SystemTitle.Parse("4D 4D 4D 00 00 BC 61 4E"));
        Assert.Equal(0x4D4D4D0000BC614Eul, title.ToUInt64());
        Assert.Null(SystemTitle.Parse("0000000000000001").ManufacturerId);
        Assert.NotEqual(title, SystemTitle.FromUInt64(1));
        Assert.Equal(SecurityFailure.InvalidSystemTitle, Assert.Throws<CosemSecurityException>(() => new SystemTitle(new byte[7])).Failure);
        Assert.Throws<CosemSecurityException>(() => SystemTitle.Parse("4D4D4D0000BC614"));
        Assert.Throws<CosemSecurityException>(() => SystemTitle.Parse("4D4D4D0000BC61XX"));
    }

    [Theory]
    [InlineData(SecuritySuite.Suite0, true, true, false, 0x30)]
    [InlineData(SecuritySuite.Suite0, true, false, false, 0x10)]
    [InlineData(SecuritySuite.Suite0, false, true, false, 0x20)]
    [InlineData(SecuritySuite.Suite1, true, true, false, 0x31)]
    [InlineData(SecuritySuite.Suite2, true, true, true, 0x72)]
    public void Security_control_byte_bits(SecuritySuite suite, bool auth, bool enc, bool broadcast, byte expected)
    {
        var control = SecurityControlByte.Create(suite, auth, enc, broadcast);
        Assert.Equal(expected, control.Value);
        Assert.Equal(suite, control.Suite);
        Assert.Equal(auth, control.IsAuthenticated);
        Assert.Equal(enc, control.IsEncrypted);
        Assert.Equal(broadcast, control.UsesBroadcastKey);
        Assert.False(control.IsCompressed);
        Assert.True(new SecurityControlByte(0x80).IsCompressed);
        Assert.Throws<CosemSecurityException>(() => SecurityControlByte.Create((SecuritySuite)3, true, true));
    }

    [Fact]
    public void Security_header_reads_and_writes()
    {
        var header = SecurityHeader.Read(Convert.FromHexString("3001234567FF"));
        Assert.Equal(0x30, header.Control.Value);
        Assert.Equal(0x01234567u, header.InvocationCounter);
        var bytes = new byte[5];
        header.WriteTo(bytes);
        Assert.Equal("3001234567", Convert.ToHexString(bytes));
        Assert.Throws<CosemSecurityException>(() => SecurityHeader.Read([0x30, 0x01]));
    }

    [Fact]
    public void Suites_fix_key_lengths_curves_and_hashes()
    {
        Assert.Equal(16, SecuritySuite.Suite0.KeyLength());
        Assert.Equal(16, SecuritySuite.Suite1.KeyLength());
        Assert.Equal(32, SecuritySuite.Suite2.KeyLength());
        Assert.Equal(EccCurve.P256, SecuritySuite.Suite1.Curve());
        Assert.Equal(EccCurve.P384, SecuritySuite.Suite2.Curve());
        Assert.Throws<CosemSecurityException>(() => SecuritySuite.Suite0.Curve());
        Assert.Equal("SHA384", SecuritySuite.Suite2.HashAlgorithm().Name);
        Assert.Equal(96, EccCurve.P384.SignatureLength());
        Assert.False(((SecuritySuite)3).IsDefined());
    }

    [Fact]
    public void Policies_map_to_control_bytes_and_version_1_bits()
    {
        Assert.Equal(0x30, SecurityPolicy.AuthenticatedEncrypted.ToControlByte(SecuritySuite.Suite0).Value);
        Assert.Equal(0x11, SecurityPolicy.Authenticated.ToControlByte(SecuritySuite.Suite1).Value);
        Assert.Equal(SecurityPolicyFlags.EncryptedRequest | SecurityPolicyFlags.EncryptedResponse, SecurityPolicy.Encrypted.ToFlags());
        Assert.Equal(0b0110_1100, (int)SecurityPolicy.AuthenticatedEncrypted.ToFlags());
        Assert.True(SecurityPolicy.Authenticated.IsSatisfiedBy(new SecurityControlByte(0x30)));
        Assert.False(SecurityPolicy.AuthenticatedEncrypted.IsSatisfiedBy(new SecurityControlByte(0x10)));
        Assert.True(SecurityPolicy.None.IsSatisfiedBy(new SecurityControlByte(0x00)));
    }
}
