using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;

namespace Cosem.Sdk.Objects;

// Scaled reads for the classes that carry a scaler_unit beside their value (Blue Book §4.3.2, §4.3.3).
public partial class Register
{
    public sealed partial class Proxy
    {
        /// <summary>Reads value and scaler_unit (in one request when the association allows) and applies the scaler.</summary>
        public ValueTask<Quantity> GetQuantityAsync(CancellationToken cancellationToken = default) =>
            QuantityReader.ReadAsync(Session, Attribute(2), Attribute(3), cancellationToken);
    }
}

public partial class ExtendedRegister
{
    public sealed partial class Proxy
    {
        /// <summary>Reads value and scaler_unit (in one request when the association allows) and applies the scaler.</summary>
        public ValueTask<Quantity> GetQuantityAsync(CancellationToken cancellationToken = default) =>
            QuantityReader.ReadAsync(Session, Attribute(2), Attribute(3), cancellationToken);
    }
}

internal static class QuantityReader
{
    public static async ValueTask<Quantity> ReadAsync(ICosemSession session, CosemAttributeDescriptor value, CosemAttributeDescriptor scalerUnit,
        CancellationToken cancellationToken)
    {
        if (session is CosemClient client)
        {
            var results = await client.GetManyAsync([value, scalerUnit], cancellationToken).ConfigureAwait(false);
            return Quantity.From(results[0].Value, results[1].Decode(ScalerUnit.Decode));
        }
        var raw = await session.GetAsync(value, CosemData.Decode, cancellationToken).ConfigureAwait(false);
        var scale = await session.GetAsync(scalerUnit, ScalerUnit.Decode, cancellationToken).ConfigureAwait(false);
        return Quantity.From(raw, scale);
    }
}
