using System.Net;
using Cosem.HeadEnd.Hosting;
using Cosem.HeadEnd.Security;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Cosem.HeadEnd.Tests.Support;

/// <summary>A head-end test silo (<see cref="HeadEndSiloConfigurator"/>) with the environment's in-memory key store
/// and the push listener on a free loopback TCP port.</summary>
public sealed class PushListenerSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var environment = HeadEndEnvironment.Find(siloBuilder.Configuration[HeadEndEnvironment.ConfigurationKey]!);
        siloBuilder.Services.AddSingleton<IMeterKeyStore>(environment.Keys);
        new HeadEndSiloConfigurator().Configure(siloBuilder);
        siloBuilder.AddCosemPushListener(o =>
        {
            o.Address = IPAddress.Loopback;
            o.Port = 0;
        });
    }
}
