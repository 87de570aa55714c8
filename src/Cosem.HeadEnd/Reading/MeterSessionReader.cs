using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Security;
using Cosem.HeadEnd.Storage;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport;

namespace Cosem.HeadEnd.Reading;

/// <summary>
/// Reads one meter in one association following its <see cref="ReadPlan"/>: the clock (whose time is the capture
/// time of the register values, so a repeated read of a stopped clock yields the same keys), each register's value
/// with its scaler and unit, and each profile by range since the last stored row. Stateless and thread-safe.
/// </summary>
public sealed class MeterSessionReader
{
    private const ushort ClockClassId = 8;
    private static readonly ObisCode ClockName = new(0, 0, 1, 0, 0, 255);

    // The start of a first profile read: before any meter in service captured.
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly IMeterKeyStore _keys;
    private readonly TimeSpan _requestTimeout;

    // The invocation counters the head-end sends, per meter, for this silo's sessions (not secret, so not the key
    // store's business). In memory: a meter read by another silo after a move starts that silo's count afresh.
    private readonly InMemoryInvocationCounterStore _counters = new();

    /// <summary>A reader resolving key references through <paramref name="keys"/>.</summary>
    public MeterSessionReader(IMeterKeyStore keys, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(requestTimeout, TimeSpan.Zero);
        _keys = keys;
        _requestTimeout = requestTimeout;
    }

    /// <summary>Connects, associates, reads the plan and releases. <paramref name="resume"/> gives, per profile
    /// logical name, the newest capture time already stored; only newer rows are returned.</summary>
    /// <exception cref="Cosem.Sdk.CosemException">The connection, association or a request failed.</exception>
    public Task<MeterReadResult> ReadAsync(MeterSettings settings, IReadOnlyDictionary<string, DateTimeOffset> resume, CancellationToken cancellationToken = default) =>
        ReadAsync(settings, resume, _counters, cancellationToken);

    /// <summary>As <see cref="ReadAsync(MeterSettings, IReadOnlyDictionary{string, DateTimeOffset}, CancellationToken)"/>,
    /// taking the invocation counters a ciphered session sends from <paramref name="counters"/> (the meter grain's
    /// persisted ones, so they survive a silo restart).</summary>
    /// <exception cref="Cosem.Sdk.CosemException">The connection, association or a request failed.</exception>
    public async Task<MeterReadResult> ReadAsync(MeterSettings settings, IReadOnlyDictionary<string, DateTimeOffset> resume,
        IInvocationCounterStore counters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(resume);
        ArgumentNullException.ThrowIfNull(counters);
        var keys = settings.KeyName is { } keyName ? await _keys.GetAsync(keyName, cancellationToken).ConfigureAwait(false) : null;
        var (authentication, protection) = MeterSessionSecurity.Build(settings, keys, counters);
        var transport = settings.Transport == MeterTransport.HdlcOverTcp
            ? ClientTransport.HdlcOverTcp(settings.Host, settings.Port)
            : ClientTransport.Tcp(settings.Host, settings.Port);
        var options = new AssociationOptions
        {
            ClientAddress = CosemAddress.FromInt32(settings.ClientAddress),
            ServerAddress = CosemAddress.FromInt32(settings.ServerAddress),
            PhysicalAddress = settings.PhysicalAddress,
            Authentication = authentication,
            Protection = protection,
            RequestTimeout = _requestTimeout,
        };
        await using var client = await CosemClient.ConnectAsync(transport, options, cancellationToken).ConfigureAwait(false);
        var plan = settings.Plan;
        var readings = new List<MeterReading>();
        var snapshot = new List<MeterReading>();
        var now = DateTimeOffset.UtcNow;
        var captureTime = new DateTimeOffset(now.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        if (plan.Clock)
        {
            var time = await new Clock.Proxy(client, ClockName).GetTimeAsync(cancellationToken).ConfigureAwait(false);
            captureTime = time.ToDateTimeOffset().ToUniversalTime();
            snapshot.Add(new MeterReading(settings.MeterId, ClockName.ToString(), 2, captureTime, captureTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture), null));
        }
        foreach (var name in plan.Registers)
        {
            var register = new Register.Proxy(client, ObisCode.Parse(name));
            var value = await register.GetValueAsync(cancellationToken).ConfigureAwait(false);
            var scalerUnit = await register.GetScalerUnitAsync(cancellationToken).ConfigureAwait(false);
            var (text, unit) = ReadingValues.Scaled(value, scalerUnit);
            snapshot.Add(new MeterReading(settings.MeterId, register.LogicalName.ToString(), 2, captureTime, text, unit));
        }
        readings.AddRange(snapshot);
        var newResume = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var profile in new[] { plan.LoadProfile, plan.EventLog })
        {
            if (profile is null)
            {
                continue;
            }
            var since = resume.TryGetValue(profile, out var last) ? last : (DateTimeOffset?)null;
            var newest = await ReadProfileAsync(client, settings.MeterId, ObisCode.Parse(profile), since, captureTime, readings, cancellationToken).ConfigureAwait(false);
            if (newest is { } value)
            {
                newResume[profile] = value;
            }
        }
        await client.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        return new MeterReadResult(readings, snapshot, newResume);
    }

    private static async Task<DateTimeOffset?> ReadProfileAsync(CosemClient client, string meterId, ObisCode name, DateTimeOffset? since,
        DateTimeOffset until, List<MeterReading> readings, CancellationToken cancellationToken)
    {
        var proxy = new ProfileGeneric.Proxy(client, name);
        var columns = await proxy.GetCaptureObjectsAsync(cancellationToken).ConfigureAwait(false);
        var timeColumn = -1;
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].ClassId == ClockClassId && columns[i].AttributeIndex == 2)
            {
                timeColumn = i;
                break;
            }
        }
        if (timeColumn < 0)
        {
            throw new Cosem.Sdk.CosemException($"Profile {name} captures no clock time, so its rows have no capture time to resume from.");
        }
        var from = since ?? Epoch;
        var rows = await proxy.GetBufferAsync(CosemDateTime.From(from), CosemDateTime.From(until.AddMinutes(1)), cancellationToken).ConfigureAwait(false);
        DateTimeOffset? newest = null;
        foreach (var row in rows)
        {
            var cells = row.Items;
            if (cells.Length <= timeColumn || !cells[timeColumn].AsDateTime().TryToDateTimeOffset(out var at))
            {
                continue;   // a row without a usable time cannot be keyed; the meter's next read is not blocked by it
            }
            at = at.ToUniversalTime();
            if (since is { } last && at <= last)
            {
                continue;
            }
            for (var c = 0; c < cells.Length && c < columns.Count; c++)
            {
                if (c != timeColumn)
                {
                    readings.Add(new MeterReading(meterId, columns[c].LogicalName.ToString(), columns[c].AttributeIndex, at, ReadingValues.Text(cells[c]), null, name.ToString()));
                }
            }
            if (newest is null || at > newest)
            {
                newest = at;
            }
        }
        return newest;
    }
}
