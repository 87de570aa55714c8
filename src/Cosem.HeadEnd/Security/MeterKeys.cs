namespace Cosem.HeadEnd.Security;

/// <summary>
/// Security material for one association. Only low-level authentication (a password) is carried today; ciphered
/// associations need the SDK's <c>ApduProtection</c> built from keys of the same store.
/// </summary>
public sealed class MeterKeys
{
    /// <summary>Material with a low-level authentication (LLS) password.</summary>
    public MeterKeys(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        Password = password;
    }

    /// <summary>The LLS password.</summary>
    public string Password { get; }

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => "MeterKeys(LLS, ***)";
}
