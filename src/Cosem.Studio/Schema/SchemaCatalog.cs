using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace Cosem.Studio.Schema;

/// <summary>
/// The interface classes the studio can name: the SDK's schema files (embedded) and a user's own (<c>--schema DIR</c>),
/// read with LINQ to XML for names and, where no value has been read (method parameters, empty arrays), the declared
/// shape of a type (<see cref="TypeOf"/>). The SDK's generated metadata carries names and access but not member types
/// at run time; values read keep their own A-XDR types and the schema only names and shapes them.
/// </summary>
public sealed partial class SchemaCatalog
{
    private static readonly XNamespace Ns = "urn:cosem-sdk:schema:1";
    private readonly Dictionary<(ushort, byte), ClassSchema> _classes = [];

    /// <summary>Every class version known, the user's own replacing the SDK's of the same id and version.</summary>
    public IReadOnlyCollection<ClassSchema> Classes => _classes.Values;

    /// <summary>The SDK's schemas plus the <c>*.cosem.xml</c> files of <paramref name="userDirectory"/> (when given).</summary>
    public static SchemaCatalog Load(string? userDirectory, ILogger? logger = null)
    {
        var catalog = new SchemaCatalog();
        var assembly = typeof(SchemaCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("schema/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            catalog.Add(XDocument.Load(stream));
        }
        if (userDirectory is not null)
        {
            if (!Directory.Exists(userDirectory))
            {
                throw new DirectoryNotFoundException($"--schema {userDirectory}: no such directory.");
            }
            foreach (var file in Directory.EnumerateFiles(userDirectory, "*.cosem.xml"))
            {
                try
                {
                    catalog.Add(XDocument.Load(file));
                }
                catch (System.Xml.XmlException e)
                {
                    // One broken file of the user's should not hide the others: say which and go on.
                    logger?.LogWarning("Schema {File} skipped: {Reason}", file, e.Message);
                }
            }
        }
        return catalog;
    }

    /// <summary>The class version named by the schemas, else the nearest lower version of the same class id.</summary>
    public ClassSchema? Find(ushort classId, byte version)
    {
        if (_classes.TryGetValue((classId, version), out var exact))
        {
            return exact;
        }
        return _classes.Values.Where(c => c.ClassId == classId)
            .OrderBy(c => c.Version > version ? 1 : 0).ThenBy(c => Math.Abs(c.Version - version)).FirstOrDefault();
    }

    /// <summary>Adds the interface class of one schema document; documents of another kind are ignored.</summary>
    public void Add(XDocument document)
    {
        var root = document.Root;
        if (root is not null && root.Name.Namespace == Ns)
        {
            AddNamedTypes(root);
        }
        if (root is null || root.Name != Ns + "interface-class")
        {
            return;
        }
        var enums = Named(root.Descendants(Ns + "enum"), "value");
        var flags = Named(root.Descendants(Ns + "flags"), "bit");
        var schema = new ClassSchema(
            (ushort)(int)root.Attribute("id")!, (byte)((int?)root.Attribute("version") ?? 0), (string)root.Attribute("name")!,
            [.. root.Elements(Ns + "attribute").Select(a => Member(a, "type", "of", enums, flags))],
            [.. root.Elements(Ns + "method").Select(m => Member(m, "parameter", "parameter-of", enums, flags))],
            enums, flags);
        _classes[(schema.ClassId, schema.Version)] = schema;
    }

    private static MemberSchema Member(XElement element, string typeAttribute, string ofAttribute, Dictionary<string, NamedValues> enums,
        Dictionary<string, NamedValues> flags)
    {
        var type = (string?)element.Attribute(typeAttribute);
        var enumName = (string?)element.Attribute("enum");
        // A member typed by a named type says so in its type attribute; keep it when it names an enum or flags.
        if (enumName is null && type is not null && enums.ContainsKey(type))
        {
            enumName = type;
        }
        var flagsName = (string?)element.Attribute("flags") ?? (type is not null && flags.ContainsKey(type) ? type : null);
        return new MemberSchema((int)element.Attribute("index")!, (string)element.Attribute("name")!, type, enumName, flagsName,
            (string?)element.Attribute("access"), (string?)element.Attribute("default"), (string?)element.Attribute(ofAttribute));
    }

    private static Dictionary<string, NamedValues> Named(IEnumerable<XElement> types, string item)
    {
        var result = new Dictionary<string, NamedValues>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            var name = (string)type.Attribute("name")!;
            result[name] = new NamedValues(name, [.. type.Elements(Ns + item)
                .Select(v => new KeyValuePair<long, string>((long)v.Attribute("n")!, (string)v.Attribute("name")!))]);
        }
        return result;
    }
}
