namespace Cosem.Sdk.Generators.Tests.Support;

/// <summary>Folders of the repository checkout the tests run from, found from the test binaries upwards.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        string? root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Cosem.Sdk.sln")))
        {
            root = Path.GetDirectoryName(root);
        }
        return root ?? throw new InvalidOperationException("Repository root (the folder holding Cosem.Sdk.sln) not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The folder holding Cosem.Sdk.sln; throws when the tests run outside a checkout.</summary>
    public static string Root => s_root.Value;

    /// <summary>
    /// The schema folder (classes/ and devices/ below it). COSEM_SCHEMA_DIR points at another one, for a Cosem.Sdk
    /// built with -p:CosemSchemaRoot=&lt;that folder&gt;; the folder may then be missing, and callers check.
    /// </summary>
    public static string SchemaDirectory => Environment.GetEnvironmentVariable("COSEM_SCHEMA_DIR") ?? Path.Combine(Root, "schema");
}
