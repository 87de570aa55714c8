using System.Reflection;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using Cosem.Sdk.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cosem.Cli.Wireshark;

/// <summary>
/// The interface classes and named types the dissector knows: the SDK's own schema files (embedded in the tool) and
/// a user's (<c>--schema DIR</c>), read with the source generator's parser so both read a schema the same way. A
/// user's class replaces the SDK's class with the same id and version; a user's type replaces a type of the same name.
/// </summary>
internal sealed class SchemaCatalog
{
    private readonly SortedDictionary<(int Id, int Version), InterfaceClassSpec> _classes = [];
    private readonly SortedDictionary<string, NamedTypeSpec> _types = new(StringComparer.Ordinal);

    /// <summary>Every class, by class id then version.</summary>
    public IReadOnlyCollection<InterfaceClassSpec> Classes => _classes.Values;

    /// <summary>Every named type (enum, flags, structure), by name.</summary>
    public IReadOnlyCollection<NamedTypeSpec> Types => _types.Values;

    /// <summary>Files whose classes or types were read, in the order read (for the dissector's header).</summary>
    public List<string> Sources { get; } = [];

    /// <summary>Warnings found while reading (shown on stderr; they do not stop the command).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Reads the embedded SDK schema files, then every <c>*.cosem.xml</c> under each directory (sorted by
    /// path, so the output does not depend on the file system's order).</summary>
    /// <exception cref="SchemaCatalogException">A file has errors, or a directory does not exist.</exception>
    public static SchemaCatalog Load(IEnumerable<string> userDirectories, CancellationToken cancellationToken)
    {
        var catalog = new SchemaCatalog();
        var assembly = typeof(SchemaCatalog).Assembly;
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("schema/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            catalog.Add(resource, reader.ReadToEnd(), "sdk", cancellationToken);
        }
        foreach (string directory in userDirectories)
        {
            if (!Directory.Exists(directory))
            {
                throw new SchemaCatalogException($"--schema {directory}: no such directory.");
            }
            var files = Directory.GetFiles(directory, "*.cosem.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0)
            {
                throw new SchemaCatalogException($"--schema {directory}: no *.cosem.xml files there.");
            }
            foreach (string file in files)
            {
                catalog.Add(file, File.ReadAllText(file), "user", cancellationToken);
            }
        }
        return catalog;
    }

    private void Add(string path, string text, string origin, CancellationToken cancellationToken)
    {
        var file = SchemaParser.Parse(path, SourceText.From(text), new SchemaFileOptions(false, null), cancellationToken);
        var errors = file.Diagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error).Select(Describe).ToList();
        if (errors.Count > 0)
        {
            throw new SchemaCatalogException(string.Join(Environment.NewLine, errors));
        }
        Warnings.AddRange(file.Diagnostics.Select(Describe));
        if (file.Class is null && file.Types.Count == 0)
        {
            return; // a device file: nothing the dissector needs
        }
        Sources.Add(origin + ": " + (origin == "sdk" ? path["schema/".Length..] : Path.GetFileName(path)));
        if (file.Class is { } cls)
        {
            _classes[(cls.ClassId, cls.Version)] = cls;
        }
        foreach (var type in file.Types)
        {
            _types[type.Name] = type;
        }
    }

    private static string Describe(DiagnosticInfo diagnostic) =>
        $"{diagnostic.Location.FilePath}({diagnostic.Location.Line},{diagnostic.Location.Column}): {diagnostic.Descriptor.Id}: " +
        string.Format(System.Globalization.CultureInfo.InvariantCulture, diagnostic.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            diagnostic.Arguments.Select(a => (object?)a).ToArray());
}

/// <summary>A schema file the dissector cannot use, with the file, line and diagnostic id in the message.</summary>
internal sealed class SchemaCatalogException(string message) : Exception(message);
