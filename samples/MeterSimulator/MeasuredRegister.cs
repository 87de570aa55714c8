using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Samples.MeterSimulator;

/// <summary>A register (class 3) whose value the meter measures at the moment it is read.</summary>
public sealed class MeasuredRegister : Register
{
    private readonly Func<CosemData> _measure;

    public MeasuredRegister(ObisCode logicalName, ScalerUnit scalerUnit, Func<CosemData> measure)
        : base(logicalName)
    {
        _measure = measure;
        ScalerUnit = scalerUnit;
    }

    protected override ValueTask<CosemData> GetValueAsync(RequestContext context, CancellationToken cancellationToken) => new(_measure());

    protected override ValueTask SetValueAsync(CosemData value, RequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromException(new Cosem.Sdk.ObjectModel.CosemServiceException(Cosem.Sdk.Apdu.DataAccessResult.ReadWriteDenied, "A measured value cannot be written."));
}
