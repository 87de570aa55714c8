namespace Cosem.Sdk.Tests.Architecture.Support;

/// <summary>
/// The layers of the SDK, lowest first (docs/architecture.md). A namespace may use its own layer and any lower one.
/// Client and Server share a rank but are separate groups: neither may use the other.
/// </summary>
internal static class Layers
{
    private static readonly (string Namespace, int Rank, string Group)[] s_layers =
    [
        ("Cosem.Sdk.Obis", 0, "values"), ("Cosem.Sdk.Axdr", 0, "values"),
        ("Cosem.Sdk.Ber", 1, "ber"),
        ("Cosem.Sdk.Apdu", 2, "apdu"),
        ("Cosem.Sdk.Security", 3, "security"),
        ("Cosem.Sdk.Diagnostics", 3, "diagnostics"),
        ("Cosem.Sdk.Transport", 4, "transport"),
        ("Cosem.Sdk.ObjectModel", 5, "object-model"),
        ("Cosem.Sdk.Client", 6, "client"), ("Cosem.Sdk.Server", 6, "server"),
        ("Cosem.Sdk.Objects", 7, "objects"),
        ("Cosem.Sdk.Translation", 8, "translation"),
    ];

    /// <summary>The layer a namespace belongs to, or null outside the layered namespaces (System, Cosem.Sdk root, …).</summary>
    public static (string Namespace, int Rank, string Group)? Of(string? ns)
    {
        if (string.IsNullOrEmpty(ns))
        {
            return null;
        }
        (string, int, string)? best = null;
        foreach (var layer in s_layers)
        {
            // Longest prefix wins, so Cosem.Sdk.ObjectModel is not taken for Cosem.Sdk.Objects.
            if ((ns == layer.Namespace || ns.StartsWith(layer.Namespace + ".", StringComparison.Ordinal))
                && (best is null || layer.Namespace.Length > best.Value.Item1.Length))
            {
                best = layer;
            }
        }
        return best;
    }

    /// <summary>Whether code in <paramref name="from"/> may use <paramref name="to"/>.</summary>
    public static bool MayUse(string from, string to)
    {
        if (Of(from) is not { } user || Of(to) is not { } used)
        {
            return true;
        }
        return used.Group == user.Group || used.Rank < user.Rank;
    }
}
