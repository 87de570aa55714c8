using System.Text;
using Cosem.HeadEnd.Meters;
using Cosem.HeadEnd.Security;
using Cosem.HeadEnd.Simulation;
using Cosem.HeadEnd.Storage;
using Cosem.HeadEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cosem.HeadEnd.Tests;

/// <summary>The invocation counter sent on ciphered sessions lives in the meter grain's persisted state: after a
/// silo restart the reactivated grain counts on past it, so a meter enforcing counters still accepts it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InvocationCounterPersistenceTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("hls-secret-counter-3E");
    private static readonly byte[] UnicastKey = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");
    private static readonly byte[] AuthenticationKey = Convert.FromHexString("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");

    [PostgresFact]
    public async Task A_ciphered_meter_is_read_again_after_the_silo_restarts()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var store = new PostgresReadingStore(server.ConnectionString);
        await store.InitializeAsync();
        await using var farm = await SimulatedMeterFarm.StartAsync(new SimulatedMeterFarmOptions
        {
            Meters = 1,
            ReadInterval = TimeSpan.FromHours(1),
            Security = new SimulatedMeterSecurity { HlsSecret = Secret, GlobalUnicastKey = UnicastKey, AuthenticationKey = AuthenticationKey },
        });
        var keys = new InMemoryMeterKeyStore()
            .Set("simulated", new MeterKeys { HlsSecret = Secret, GlobalUnicastKey = UnicastKey, AuthenticationKey = AuthenticationKey });
        var meter = farm.Meters[0];
        Assert.Equal(MeterCiphering.AuthenticatedEncrypted, meter.Ciphering);

        await using (var first = await PostgresClusterSilo.StartAsync(server.ConnectionString, "counters", store, new InMemoryMeterCatalog(),
            services: s => s.AddSingleton<IMeterKeyStore>(keys)))
        {
            var grain = first.Grains.GetGrain<IMeterGrain>(meter.MeterId);
            await grain.ConfigureAsync(meter);
            var status = await grain.ReadNowAsync();
            Assert.True(status.LastError is null, status.LastError);
            Assert.NotNull(status.LastSuccess);
        }

        // A new silo over the same grain storage: the grain reactivates with its persisted counter.
        await using var second = await PostgresClusterSilo.StartAsync(server.ConnectionString, "counters", store, new InMemoryMeterCatalog(),
            services: s => s.AddSingleton<IMeterKeyStore>(keys));
        var again = second.Grains.GetGrain<IMeterGrain>(meter.MeterId);
        var before = (await again.GetStatusAsync()).SuccessfulReads;
        Assert.True(before >= 1);
        var after = await again.ReadNowAsync();
        Assert.True(after.LastError is null, after.LastError);
        Assert.Equal(before + 1, after.SuccessfulReads);
    }

    [Fact]
    public async Task An_activation_continues_a_gap_past_the_stored_counter_and_records_what_it_uses()
    {
        var persisted = new Dictionary<string, uint> { ["meter m1 client 01"] = 41, ["near the end"] = uint.MaxValue - 5 };
        var counters = new GrainInvocationCounterStore(persisted);

        Assert.Equal(41u + GrainInvocationCounterStore.ReactivationGap + 1, await counters.NextAsync("meter m1 client 01"));
        Assert.Equal(41u + GrainInvocationCounterStore.ReactivationGap + 1, persisted["meter m1 client 01"]);
        Assert.Equal(1u, await counters.NextAsync("a new meter"));
        Assert.Equal(uint.MaxValue, persisted["near the end"]);
        var exhausted = await Assert.ThrowsAsync<Cosem.Sdk.Security.CosemSecurityException>(async () => await counters.NextAsync("near the end"));
        Assert.Equal(Cosem.Sdk.Security.SecurityFailure.InvocationCounterExhausted, exhausted.Failure);
        await counters.AdvancePastAsync("a new meter", 500);
        Assert.Equal(501u, await counters.NextAsync("a new meter"));
    }
}
