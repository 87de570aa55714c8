using System.Collections.Concurrent;

namespace Cosem.Sdk.Server;

// The associations open on every connection, for what the application starts on its own (an SN information report).
public sealed partial class CosemServer
{
    private readonly ConcurrentDictionary<AssociationState, byte> _open = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The associations open right now, on every connection (HLS-pending ones included; check
    /// <see cref="AssociationState.Status"/>). A snapshot: an association may close at any time after it is taken,
    /// and whatever is then asked of it fails with a typed error.
    /// </summary>
    public IReadOnlyList<AssociationState> OpenAssociations => [.. _open.Keys];

    internal void TrackAssociation(AssociationState association) => _open.TryAdd(association, 0);

    internal void ForgetAssociation(AssociationState association)
    {
        association.AttachUnsolicitedSender(null);
        _open.TryRemove(association, out _);
    }
}
