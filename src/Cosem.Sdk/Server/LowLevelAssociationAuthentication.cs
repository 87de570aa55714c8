using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Server;

/// <summary>
/// Low level security (mechanism 1): the AARQ calling-authentication-value must hold the password
/// (IEC 62056-5-3 §9.2.7.2.2). The password can be changed by writing the Association LN secret.
/// </summary>
internal sealed class LowLevelAssociationAuthentication : AssociationAuthentication
{
    private byte[] _password;

    public LowLevelAssociationAuthentication(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        _password = AuthenticationValue.FromPassword(password).Value.ToArray();
    }

    public LowLevelAssociationAuthentication(ReadOnlySpan<byte> password) => _password = password.ToArray();

    public override MechanismName Mechanism => MechanismName.Low;

    public override ValueTask<AuthenticationOutcome> AuthenticateAsync(AarqApdu request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var matches = request.CallingAuthenticationValue is { Kind: AuthenticationValueKind.CharString } value
            && LlsPassword.Matches(Volatile.Read(ref _password), value.Value.Span);
        return ValueTask.FromResult(matches ? AuthenticationOutcome.Accepted : AuthenticationOutcome.Failed);
    }

    public override bool TryChangeSecret(ReadOnlySpan<byte> secret)
    {
        Volatile.Write(ref _password, secret.ToArray());
        return true;
    }
}
