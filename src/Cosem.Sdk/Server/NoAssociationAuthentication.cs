using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Server;

/// <summary>Lowest level security (mechanism 0): every client with the right address is accepted.</summary>
internal sealed class NoAssociationAuthentication : AssociationAuthentication
{
    public override MechanismName Mechanism => MechanismName.None;

    public override ValueTask<AuthenticationOutcome> AuthenticateAsync(AarqApdu request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AuthenticationOutcome.Accepted);
}
