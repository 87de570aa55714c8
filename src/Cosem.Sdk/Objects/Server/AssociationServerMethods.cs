using Cosem.Sdk.Apdu;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Objects;

/// <summary>
/// What Association LN (class 15) and Association SN (class 12) do alike on the server: find the live association
/// of the client asking, answer passes 3 and 4 of HLS, change a kept secret. One place, so the two classes cannot
/// drift apart on who may answer a challenge or when the association becomes established.
/// </summary>
internal static class AssociationServerMethods
{
    /// <summary>The live association of the client asking, when it came through <paramref name="definition"/>.</summary>
    public static AssociationState? LiveAssociation(IAssociationObject definition, RequestContext context) =>
        context is ServerRequestContext { Association: var association } && ReferenceEquals(association.Definition, definition) ? association : null;

    /// <summary>
    /// Passes 3 and 4 of HLS (IEC 62056-5-3 §9.2.7.2.4): verifies the client's f(StoC) and answers f(CtoS); the
    /// association is established only when the reply verifies.
    /// </summary>
    public static async ValueTask<ReadOnlyMemory<byte>> ReplyToHlsAuthenticationAsync(
        IAssociationObject definition, AssociationAuthentication authentication, ReadOnlyMemory<byte> parameter,
        RequestContext context, CancellationToken cancellationToken)
    {
        if (LiveAssociation(definition, context) is not { } association)
        {
            // Only the client being authenticated may answer its own challenge.
            throw new CosemServiceException(ActionResult.ReadWriteDenied, "Only the client of this association may answer its challenge.");
        }
        var reply = await authentication.ReplyToChallengeAsync(parameter, association, cancellationToken).ConfigureAwait(false);
        if (reply is not { } serverResponse)
        {
            // f(StoC) not verified: the association is not established.
            association.Status = AssociationStatus.NonAssociated;
            throw new CosemServiceException(ActionResult.OtherReason, "The client's reply to the challenge did not verify.");
        }
        association.Status = AssociationStatus.Associated;
        return serverResponse;
    }

    /// <summary>change_HLS_secret / change_LLS_secret: the new secret, for the mechanisms that keep one.</summary>
    public static ValueTask ChangeSecret(AssociationAuthentication authentication, ReadOnlyMemory<byte> secret) =>
        authentication.TryChangeSecret(secret.Span)
            ? ValueTask.CompletedTask
            : ValueTask.FromException(new CosemServiceException(ActionResult.ReadWriteDenied, "This mechanism keeps no changeable secret."));
}
