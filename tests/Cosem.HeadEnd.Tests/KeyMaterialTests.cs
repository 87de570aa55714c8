using System.Text;
using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Security;
using Cosem.HeadEnd.Simulation;
using Cosem.HeadEnd.Storage;
using Cosem.HeadEnd.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cosem.HeadEnd.Tests;

/// <summary>HLS secrets and ciphering keys are resolved by name when a session starts: meters demanding HLS-SHA256
/// and authenticated-encrypted APDUs are read, and neither grain state nor logs ever hold the material.</summary>
[Collection(ClusterCollection.Name)]
public sealed class KeyMaterialTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("hls-secret-5F1C9A");
    private static readonly byte[] WrongSecret = Encoding.UTF8.GetBytes("hls-secret-wrong-77B2");
    private static readonly byte[] UnicastKey = Convert.FromHexString("8A1F33C0D2E4F60718293A4B5C6D7E9F");
    private static readonly byte[] AuthenticationKey = Convert.FromHexString("C3D4E5F60718293A4B5C6D7E8F90A1B2");

    [PostgresFact]
    public async Task Meters_with_hls_and_ciphering_are_read_and_no_key_reaches_grain_state_or_logs()
    {
        const int meters = 10;
        await using var server = await PostgresServer.StartAsync();
        await using var store = new PostgresReadingStore(server.ConnectionString);
        await store.InitializeAsync();
        await using var farm = await SimulatedMeterFarm.StartAsync(new SimulatedMeterFarmOptions
        {
            Meters = meters,
            ReadInterval = TimeSpan.FromMinutes(10),
            Security = new SimulatedMeterSecurity { HlsSecret = Secret, GlobalUnicastKey = UnicastKey, AuthenticationKey = AuthenticationKey },
        });
        var keys = new InMemoryMeterKeyStore()
            .Set("simulated", new MeterKeys { HlsSecret = Secret, GlobalUnicastKey = UnicastKey, AuthenticationKey = AuthenticationKey })
            .Set("wrong", new MeterKeys { HlsSecret = WrongSecret, GlobalUnicastKey = UnicastKey, AuthenticationKey = AuthenticationKey });
        var settings = farm.Meters.Select((m, i) => i == meters - 1 ? m with { KeyName = "wrong" } : m).ToArray();
        Assert.All(settings, m => Assert.Equal(MeterAuthentication.HlsSha256, m.Authentication));
        var logs = new CapturedLogs();
        var ids = settings.Select(m => m.MeterId).ToArray();
        await using (var silo = await PostgresClusterSilo.StartAsync(server.ConnectionString, "keys", store, new InMemoryMeterCatalog(),
            services: s => s.AddSingleton<IMeterKeyStore>(keys), logs: logs))
        {
            await Parallel.ForEachAsync(settings, async (meter, _) => await silo.Grains.GetGrain<IMeterGrain>(meter.MeterId).ConfigureAsync(meter));
            await HeadEndCluster.WaitUntilAsync(async () =>
                {
                    var statuses = await Task.WhenAll(ids.Select(id => silo.Grains.GetGrain<IMeterGrain>(id).GetStatusAsync()));
                    return statuses[..^1].All(s => s.LastSuccess is not null) && statuses[^1].FailedAttempts >= 1;
                },
                TimeSpan.FromSeconds(60),
                async () => string.Join("; ", (await Task.WhenAll(ids.Select(id => silo.Grains.GetGrain<IMeterGrain>(id).GetStatusAsync())))
                    .Select(s => $"{s.MeterId}: {s.SuccessfulReads} ok, {s.FailedAttempts} failed, {s.LastError}")));
            var refused = await silo.Grains.GetGrain<IMeterGrain>(ids[^1]).GetStatusAsync();
            Assert.Null(refused.LastSuccess);
            Assert.NotNull(refused.LastError);
            AssertHoldsNoMaterial(refused.LastError!, "the refused meter's last error");
        }
        Assert.Equal((meters - 1L) * farm.ReadingsPerMeter, await store.CountAsync());

        var payloads = await GrainStatePayloadsAsync(server);
        Assert.Equal(2 * meters, payloads.Count);    // meter grains and their system-title index grains
        foreach (var payload in payloads)
        {
            AssertHoldsNoMaterial(payload);
        }
        Assert.Contains(logs.Lines, line => line.Contains(ids[^1], StringComparison.Ordinal));    // the failure was logged
        foreach (var line in logs.Lines)
        {
            AssertHoldsNoMaterial(line, "a log line");
        }
    }

    [Fact]
    public async Task The_configuration_store_reads_every_part_and_names_a_bad_one_without_its_value()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cosem:HeadEnd:Keys:north:HlsSecret"] = "hls-secret-5F1C9A",
            ["Cosem:HeadEnd:Keys:north:GlobalUnicastKey"] = Convert.ToHexString(UnicastKey),
            ["Cosem:HeadEnd:Keys:north:GlobalBroadcastKey"] = "000102030405060708090A0B0C0D0E0F",
            ["Cosem:HeadEnd:Keys:north:AuthenticationKey"] = Convert.ToHexString(AuthenticationKey),
            ["Cosem:HeadEnd:Keys:binary:HlsSecret"] = "hex:0102A0FF",
            ["Cosem:HeadEnd:Keys:broken:GlobalUnicastKey"] = "not-hex-SECRETVALUE",
        }).Build();
        var store = new ConfigurationMeterKeyStore(configuration);

        var north = await store.GetAsync("north");
        Assert.Equal(Secret, north.HlsSecret.ToArray());
        Assert.Equal(UnicastKey, north.GlobalUnicastKey.ToArray());
        Assert.Equal(16, north.GlobalBroadcastKey.Length);
        Assert.Equal(AuthenticationKey, north.AuthenticationKey.ToArray());
        Assert.Null(north.Password);
        AssertHoldsNoMaterial(north.ToString(), "MeterKeys.ToString");
        Assert.Equal(new byte[] { 1, 2, 0xA0, 0xFF }, (await store.GetAsync("binary")).HlsSecret.ToArray());

        var broken = await Assert.ThrowsAsync<MeterKeyFormatException>(async () => await store.GetAsync("broken"));
        Assert.Contains("GlobalUnicastKey", broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETVALUE", broken.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MeterKeyNotFoundException>(async () => await store.GetAsync("absent"));
    }

    private static void AssertHoldsNoMaterial(string text, string where)
    {
        foreach (var material in Materials())
        {
            foreach (var form in new[] { Encoding.UTF8.GetString(material), Convert.ToHexString(material), Convert.ToBase64String(material) })
            {
                Assert.DoesNotContain(form, where + ": " + text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static void AssertHoldsNoMaterial(byte[] bytes)
    {
        foreach (var material in Materials())
        {
            Assert.True(bytes.AsSpan().IndexOf(material) < 0, "grain state holds key material as bytes");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToHexString(material))) < 0, "grain state holds key material as hex");
        }
    }

    private static IEnumerable<byte[]> Materials() => [Secret, WrongSecret, UnicastKey, AuthenticationKey];

    private static async Task<List<byte[]>> GrainStatePayloadsAsync(PostgresServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload FROM cosem_orleans_grain_state", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var payloads = new List<byte[]>();
        while (await reader.ReadAsync())
        {
            payloads.Add(reader.GetFieldValue<byte[]>(0));
        }
        return payloads;
    }
}
