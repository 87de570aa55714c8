namespace Cosem.HeadEnd.Hosting;

/// <summary>The Orleans grain storage the head-end's grains persist to.</summary>
public static class HeadEndStorage
{
    /// <summary>The storage provider name: register memory storage for one silo, PostgreSQL storage (UseCosemPostgresCluster) for a
    /// cluster (docs/head-end.md).</summary>
    public const string Name = "cosem-headend";
}
