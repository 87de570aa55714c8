using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Client;

/// <summary>Lowest level security: no mechanism-name and no authentication value in the AARQ.</summary>
internal sealed class NoAuthentication : Authentication
{
    public override MechanismName Mechanism => MechanismName.None;

    protected internal override AuthenticationValue? CreateCallingValue() => null;

    public override string ToString() => "none";
}
