using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Sdk.Tests.EndToEnd;

/// <summary>
/// A load profile that serves selective access by range (selector 1, rows whose first column, the clock, lies in
/// the range) as well as by entry (selector 2), as a meter does (Blue Book §4.3.6, profile generic buffer).
/// </summary>
internal sealed class RangeProfile(ObisCode logicalName) : ProfileGeneric(logicalName)
{
    protected override ValueTask<IReadOnlyList<CosemData>> GetBufferAsync(SelectiveAccessDescriptor? access, RequestContext context,
        CancellationToken cancellationToken)
    {
        if (access is not { Selector: RangeSelection.Selector } descriptor)
        {
            return base.GetBufferAsync(access, context, cancellationToken);
        }
        RangeSelection range;
        try
        {
            range = RangeSelection.Decode(descriptor.Parameters.Span);
        }
        catch (CosemEncodingException e)
        {
            throw new CosemServiceException(DataAccessResult.TypeUnmatched, "The range_descriptor does not decode: " + e.Message);
        }
        var from = range.From.ToDateTimeOffset();
        var to = range.To.ToDateTimeOffset();
        IReadOnlyList<CosemData> rows = Buffer.Where(row =>
        {
            var time = row[0].AsDateTime().ToDateTimeOffset();
            return time >= from && time <= to;
        }).ToArray();
        return ValueTask.FromResult(rows);
    }
}
