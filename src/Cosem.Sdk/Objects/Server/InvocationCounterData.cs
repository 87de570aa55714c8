using Cosem.Sdk.Axdr;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The invocation counter object (Data, class 1; Blue Book/IDIS 0.0.43.1.e.255, e = the Security setup instance):
/// value is a double-long-unsigned holding the highest invocation counter accepted from clients under the current
/// keys of an <see cref="AssociationSecurity"/>. Head-ends read it through the public client before a ciphered
/// association and continue above it. Writes are refused: the value follows the security state.
/// </summary>
public sealed class InvocationCounterData : Data
{
    /// <summary>The usual name, for the invocation counter of the management association's security (0.0.43.1.0.255).</summary>
    public static readonly ObisCode DefaultLogicalName = new(0, 0, 43, 1, 0, 255);

    private readonly AssociationSecurity _security;

    /// <summary>Serves the counter of <paramref name="security"/> at <see cref="DefaultLogicalName"/>.</summary>
    public InvocationCounterData(AssociationSecurity security)
        : this(DefaultLogicalName, security)
    {
    }

    /// <summary>Serves the counter of <paramref name="security"/> at <paramref name="logicalName"/>.</summary>
    public InvocationCounterData(ObisCode logicalName, AssociationSecurity security)
        : base(logicalName)
    {
        ArgumentNullException.ThrowIfNull(security);
        _security = security;
    }

    /// <summary>The highest client invocation counter accepted so far (0 before the first).</summary>
    protected override ValueTask<CosemData> GetValueAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(CosemData.FromUInt32(_security.LastClientInvocationCounter ?? 0));

    /// <summary>Refused with read-write-denied: only verified requests move the counter.</summary>
    protected override ValueTask SetValueAsync(CosemData value, RequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromException(new CosemServiceException(Apdu.DataAccessResult.ReadWriteDenied, "The invocation counter follows the security state."));
}
