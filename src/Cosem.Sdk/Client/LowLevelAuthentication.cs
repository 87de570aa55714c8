using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Client;

/// <summary>Low level security (mechanism 1): the password as calling-authentication-value, charstring form.</summary>
internal sealed class LowLevelAuthentication : Authentication
{
    private readonly byte[] _password;

    public LowLevelAuthentication(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        _password = new byte[password.Length];
        for (var i = 0; i < password.Length; i++)
        {
            if (password[i] > 0x7F)
            {
                throw new ArgumentException("An LLS password is ASCII; pass bytes for other secrets.", nameof(password));
            }
            _password[i] = (byte)password[i];
        }
    }

    public LowLevelAuthentication(ReadOnlySpan<byte> password) => _password = password.ToArray();

    public override MechanismName Mechanism => MechanismName.Low;

    protected internal override AuthenticationValue? CreateCallingValue() => AuthenticationValue.CharString(_password);

    // Never print the secret.
    public override string ToString() => "low (password)";
}
