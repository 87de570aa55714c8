using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Security;
using Cosem.Sdk.Client;
using Cosem.Sdk.Security;

namespace Cosem.HeadEnd.Reading;

/// <summary>
/// The authentication and APDU protection of one session, built from the meter's settings (which mechanism, which
/// policy, the client system title) and the material the key store resolved for it. The material lives only in the
/// session's <see cref="ClientSecurity"/>; a missing part is a <see cref="MeterKeyFormatException"/> naming it.
/// </summary>
internal static class MeterSessionSecurity
{
    public static (Authentication Authentication, ApduProtection? Protection) Build(
        MeterSettings settings, MeterKeys? keys, IInvocationCounterStore counters)
    {
        var mechanism = settings.Authentication switch
        {
            MeterAuthentication.Default => keys is null ? MeterAuthentication.None : MeterAuthentication.Low,
            var chosen => chosen,
        };
        if (mechanism == MeterAuthentication.None && settings.Ciphering == MeterCiphering.None)
        {
            return (Authentication.None, null);
        }
        var keyName = settings.KeyName ?? "(none)";
        if (keys is null)
        {
            throw new MeterKeyNotFoundException(keyName);
        }
        if (mechanism == MeterAuthentication.Low)
        {
            if (settings.Ciphering != MeterCiphering.None)
            {
                throw new MeterKeyFormatException(keyName, "Ciphering", "needs HLS or no authentication, not a password");
            }
            return (Authentication.Low(keys.Password ?? throw new MeterKeyFormatException(keyName, "Password", "is missing")), null);
        }
        var title = settings.ClientSystemTitle is { } hex
            ? SystemTitle.Parse(hex)
            : throw new MeterKeyFormatException(keyName, "ClientSystemTitle (meter settings)", "is missing: HLS and ciphering need it");
        var needsKeys = settings.Ciphering != MeterCiphering.None || mechanism == MeterAuthentication.HlsGmac;
        var needsSecret = mechanism is MeterAuthentication.HlsMd5 or MeterAuthentication.HlsSha1 or MeterAuthentication.HlsSha256;
        var security = new ClientSecurity(new SecurityContext
        {
            Suite = SecuritySuite.Suite0,
            Policy = (SecurityPolicy)(byte)settings.Ciphering,
            SystemTitle = title,
            Keys = needsKeys
                ? new CipheringKeys(SecuritySuite.Suite0,
                    Required(keys.GlobalUnicastKey, keyName, "GlobalUnicastKey").Span,
                    Required(keys.AuthenticationKey, keyName, "AuthenticationKey").Span,
                    keys.GlobalBroadcastKey.Span)
                : null,
            Secret = needsSecret ? Required(keys.HlsSecret, keyName, "HlsSecret").Span : default,
        }, counters, $"meter {settings.MeterId} client {settings.ClientSystemTitle}");
        var authentication = mechanism == MeterAuthentication.None
            ? Authentication.None
            : Authentication.High((HlsMechanism)(int)mechanism, security);
        return (authentication, settings.Ciphering == MeterCiphering.None ? null : ApduProtection.Ciphered(security));
    }

    private static ReadOnlyMemory<byte> Required(ReadOnlyMemory<byte> part, string keyName, string name) =>
        part.IsEmpty ? throw new MeterKeyFormatException(keyName, name, "is missing") : part;
}
