using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Server;

namespace Cosem.Samples.MeterSimulator;

/// <summary>The meter clock (class 8): running time in the meter's zone, with daylight saving, settable by clients.</summary>
public sealed class SimulatedClock : Clock
{
    private readonly MeterModel _model;
    private readonly Action<DateTimeOffset, DateTimeOffset> _adjusted;

    public SimulatedClock(MeterModel model, Action<DateTimeOffset, DateTimeOffset> adjusted)
        : base(new ObisCode(0, 0, 1, 0, 0, 255))
    {
        _model = model;
        _adjusted = adjusted;
        var zone = model.Zone;
        // time_zone: deviation of local standard time from UTC in minutes, UTC − local (Blue Book §4.5.1).
        TimeZone = (short)-zone.BaseUtcOffset.TotalMinutes;
        ClockBase = Cosem.Sdk.Objects.ClockBase.InternalCrystal;
        DaylightSavingsEnabled = zone.SupportsDaylightSavingTime;
        if (zone.SupportsDaylightSavingTime && zone.GetAdjustmentRules().LastOrDefault() is { } rule)
        {
            DaylightSavingsDeviation = (sbyte)rule.DaylightDelta.TotalMinutes;
            var year = model.Now.Year;
            DaylightSavingsBegin = Transition(rule.DaylightTransitionStart, year, zone.BaseUtcOffset);
            DaylightSavingsEnd = Transition(rule.DaylightTransitionEnd, year, zone.BaseUtcOffset + rule.DaylightDelta);
        }
    }

    protected override ValueTask<CosemDateTime> GetTimeAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(CosemDateTime.From(_model.Now, _model.Zone));

    protected override ValueTask SetTimeAsync(CosemDateTime value, RequestContext context, CancellationToken cancellationToken)
    {
        var before = _model.Now;
        var after = value.ToDateTimeOffset(_model.Zone);
        _model.SetClock(after);
        _adjusted(before, after);
        return default;
    }

    protected override ValueTask<Cosem.Sdk.Axdr.ClockStatus> GetStatusAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(_model.Zone.IsDaylightSavingTime(_model.Now) ? Cosem.Sdk.Axdr.ClockStatus.DaylightSavingActive : Cosem.Sdk.Axdr.ClockStatus.None);

    protected override ValueTask AdjustToMinuteAsync(RequestContext context, CancellationToken cancellationToken) => RoundTo(TimeSpan.FromMinutes(1));

    protected override ValueTask AdjustToQuarterAsync(RequestContext context, CancellationToken cancellationToken) => RoundTo(TimeSpan.FromMinutes(15));

    protected override ValueTask ShiftTimeAsync(short parameter, RequestContext context, CancellationToken cancellationToken)
    {
        // Blue Book §4.5.1: shift by −900…900 seconds.
        if (parameter is < -900 or > 900)
        {
            throw new Cosem.Sdk.ObjectModel.CosemServiceException(Cosem.Sdk.Apdu.ActionResult.OtherReason, "shift_time accepts −900 to 900 s.");
        }
        var before = _model.Now;
        _model.ShiftClock(TimeSpan.FromSeconds(parameter));
        _adjusted(before, _model.Now);
        return default;
    }

    private ValueTask RoundTo(TimeSpan step)
    {
        var before = _model.Now;
        var ticks = (before.UtcTicks + step.Ticks / 2) / step.Ticks * step.Ticks;
        _model.SetClock(new DateTimeOffset(ticks, TimeSpan.Zero));
        _adjusted(before, _model.Now);
        return default;
    }

    private static CosemDateTime Transition(TimeZoneInfo.TransitionTime transition, int year, TimeSpan offset)
    {
        DateTime day;
        if (transition.IsFixedDateRule)
        {
            day = new DateTime(year, transition.Month, transition.Day);
        }
        else
        {
            var first = new DateTime(year, transition.Month, 1);
            var shift = ((int)transition.DayOfWeek - (int)first.DayOfWeek + 7) % 7;
            day = first.AddDays(shift + 7 * (transition.Week - 1));
            if (day.Month != transition.Month)
            {
                day = day.AddDays(-7); // week 5 means "last"
            }
        }
        var local = day + transition.TimeOfDay.TimeOfDay;
        return CosemDateTime.From(new DateTimeOffset(local, offset));
    }
}
