using System.Globalization;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport;
using RequestContext = Cosem.Sdk.ObjectModel.RequestContext;

namespace Cosem.HeadEnd.Simulation;

/// <summary>
/// One small simulated meter as a logical device: a frozen clock, energy import and export registers, a 15-minute
/// load profile, an event log and a public association (client 16) — without authentication, or with an LLS password
/// nobody is given, for a meter that refuses every association.
/// </summary>
internal static class SimulatedMeterDevice
{
    public static readonly ObisCode ClockName = new(0, 0, 1, 0, 0, 255);
    public static readonly ObisCode ImportName = new(1, 0, 1, 8, 0, 255);
    public static readonly ObisCode ExportName = new(1, 0, 2, 8, 0, 255);
    public static readonly ObisCode LoadProfileName = new(1, 0, 99, 1, 0, 255);
    public static readonly ObisCode EventCodeName = new(0, 0, 96, 11, 0, 255);
    public static readonly ObisCode EventLogName = new(0, 0, 99, 98, 0, 255);
    public static readonly ObisCode PublicAssociationName = new(0, 0, 40, 0, 1, 255);

    private static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    public static LogicalDevice Create(ushort address, int serial, SimulatedMeterFarmOptions options, DateTimeOffset now, bool refuses, string systemTitle)
    {
        var clock = new FrozenClock(now);
        var import = new SimulatedRegister(ImportName, options.ResponseDelay) { ScalerUnit = new ScalerUnit(0, Unit.WattHour) };
        var export = new SimulatedRegister(ExportName, options.ResponseDelay) { ScalerUnit = new ScalerUnit(0, Unit.WattHour) };
        var baseWh = (uint)(serial * 1000);
        import.Value = CosemData.FromUInt32(baseWh + (uint)(options.ProfileRows * 250));
        export.Value = CosemData.FromUInt32((uint)(serial * 10));
        var eventCode = new Data(EventCodeName) { Value = CosemData.FromUInt8(0) };
        var profile = new InMemoryProfileGeneric(LoadProfileName, capacity: (uint)Math.Max(1, options.ProfileRows)) { CapturePeriod = (uint)Period.TotalSeconds };
        profile.Capture(clock).Capture(import);
        var lastQuarter = new DateTimeOffset(now.UtcTicks / Period.Ticks * Period.Ticks, TimeSpan.Zero);
        for (var i = options.ProfileRows - 1; i >= 0; i--)
        {
            var at = lastQuarter - i * Period;
            profile.Append(CosemData.Structure(CosemData.DateTime(CosemDateTime.From(at)), CosemData.FromUInt32(baseWh + (uint)((options.ProfileRows - i) * 250))));
        }
        var events = new InMemoryProfileGeneric(EventLogName, capacity: (uint)Math.Max(1, options.EventRows));
        events.Capture(clock).Capture(eventCode);
        for (var i = options.EventRows - 1; i >= 0; i--)
        {
            events.Append(CosemData.Structure(CosemData.DateTime(CosemDateTime.From(now - TimeSpan.FromMinutes(7 + i * 60))), CosemData.FromUInt8((byte)(1 + i % 50))));
        }
        var association = new AssociationLnServer(PublicAssociationName, CosemAddress.PublicClient)
        {
            Access = AccessLevel.ReadOnly,
            Authentication = refuses ? AssociationAuthentication.Low("not-given-to-anyone")
                : options.Security is { } secured ? AssociationAuthentication.High(HlsMechanism.Sha256, secured.HlsSecret)
                : AssociationAuthentication.None,
            Security = options.Security is { } security
                ? new AssociationSecurity(SystemTitle.Parse(systemTitle),
                    new CipheringKeys(SecuritySuite.Suite0, security.GlobalUnicastKey, security.AuthenticationKey),
                    SecurityPolicy.AuthenticatedEncrypted)
                : null,
        };
        return new LogicalDevice(address, string.Create(CultureInfo.InvariantCulture, $"SIM{serial:D8}"))
        {
            clock, import, export, profile, eventCode, events, association,
        };
    }

    /// <summary>A clock standing at one instant, so every read sees the same time.</summary>
    private sealed class FrozenClock(DateTimeOffset now) : Clock(ClockName)
    {
        protected override ValueTask<CosemDateTime> GetTimeAsync(RequestContext context, CancellationToken cancellationToken) =>
            new(CosemDateTime.From(now));

        protected override ValueTask SetTimeAsync(CosemDateTime value, RequestContext context, CancellationToken cancellationToken) =>
            ValueTask.FromException(new CosemServiceException(DataAccessResult.ReadWriteDenied, "The simulated clock is frozen."));
    }

    /// <summary>A register answering after an optional delay.</summary>
    private sealed class SimulatedRegister(ObisCode name, TimeSpan delay) : Register(name)
    {
        protected override async ValueTask<CosemData> GetValueAsync(RequestContext context, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            return await base.GetValueAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }
}
