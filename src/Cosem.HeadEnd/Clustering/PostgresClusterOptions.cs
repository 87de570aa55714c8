namespace Cosem.HeadEnd.Clustering;

/// <summary>
/// Where a head-end cluster keeps its Orleans membership, reminders and grain state: one PostgreSQL database shared
/// by every silo (it may be the readings' database). The tables are the head-end's own and are created on start-up.
/// </summary>
public sealed class PostgresClusterOptions
{
    /// <summary>The Npgsql connection string of the shared database. Holds a password in most deployments, so it
    /// comes from configuration or a secret store and is never logged.</summary>
    public string ConnectionString { get; set; } = "";
}
