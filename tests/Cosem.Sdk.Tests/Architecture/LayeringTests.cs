using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Cosem.Sdk.Tests.Architecture;

/// <summary>
/// The layers (codecs -> APDUs -> security -> transport -> sessions -> objects) only ever reference downwards.
/// Checked on the compiled assemblies' type references, so a stray <c>using</c> cannot slip through.
/// </summary>
public class LayeringTests
{
    // Lowest first. A namespace may use its own layer and any layer listed before it.
    private static readonly string[] Layers =
    [
        "Cosem.Sdk.Obis", "Cosem.Sdk.Axdr", "Cosem.Sdk.Ber", "Cosem.Sdk.Apdu", "Cosem.Sdk.Security",
        "Cosem.Sdk.Transport", "Cosem.Sdk.Client", "Cosem.Sdk.Server", "Cosem.Sdk.Objects",
    ];

    // Obis and Axdr are one layer (values and their codec); Client and Server are siblings.
    private static int Rank(string layer) => layer switch
    {
        "Cosem.Sdk.Obis" or "Cosem.Sdk.Axdr" => 0,
        "Cosem.Sdk.Ber" => 1,
        "Cosem.Sdk.Apdu" => 2,
        "Cosem.Sdk.Security" => 3,
        "Cosem.Sdk.Transport" => 4,
        "Cosem.Sdk.Client" or "Cosem.Sdk.Server" => 5,
        "Cosem.Sdk.Objects" => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(layer)),
    };

    private static string? LayerOf(string? ns) =>
        ns is null ? null : Layers.FirstOrDefault(l => ns == l || ns.StartsWith(l + ".", StringComparison.Ordinal));

    public static TheoryData<string> Assemblies => new() { "Cosem.Sdk.Codec", "Cosem.Sdk" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Lower_layers_never_reference_higher_ones(string assemblyName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();

        // Which layer each type definition belongs to, and which namespaces its members reference.
        var violations = new List<string>();
        var referenced = md.TypeReferences.Select(h => md.GetTypeReference(h))
            .Select(r => md.GetString(r.Namespace)).ToHashSet();
        foreach (var defHandle in md.TypeDefinitions)
        {
            var def = md.GetTypeDefinition(defHandle);
            var ns = md.GetString(def.Namespace);
            var layer = LayerOf(ns);
            if (layer is null)
            {
                continue;
            }
            foreach (var used in UsedNamespaces(md, def))
            {
                var usedLayer = LayerOf(used);
                if (usedLayer is not null && Rank(usedLayer) > Rank(layer))
                {
                    violations.Add($"{ns}.{md.GetString(def.Name)} uses {used}");
                }
            }
        }
        Assert.Empty(violations);
        Assert.NotEmpty(referenced);
    }

    [Fact]
    public void Codec_assembly_depends_on_the_bcl_only()
    {
        var codec = typeof(Cosem.Sdk.Obis.ObisCode).Assembly;
        var foreign = codec.GetReferencedAssemblies()
            .Where(a => a.Name is not null && !a.Name.StartsWith("System", StringComparison.Ordinal) && a.Name != "netstandard")
            .Select(a => a.Name).ToList();
        Assert.Empty(foreign);
    }

    // Namespaces of types referenced from a type definition's own signatures and method bodies' member references.
    private static IEnumerable<string> UsedNamespaces(MetadataReader md, TypeDefinition def)
    {
        var result = new HashSet<string>();
        var provider = new NamespaceCollector(md, result);
        foreach (var fieldHandle in def.GetFields())
        {
            md.GetFieldDefinition(fieldHandle).DecodeSignature(provider, null);
        }
        foreach (var methodHandle in def.GetMethods())
        {
            md.GetMethodDefinition(methodHandle).DecodeSignature(provider, null);
        }
        if (!def.BaseType.IsNil)
        {
            result.Add(provider.NamespaceOf(def.BaseType));
        }
        foreach (var ifaceHandle in def.GetInterfaceImplementations())
        {
            result.Add(provider.NamespaceOf(md.GetInterfaceImplementation(ifaceHandle).Interface));
        }
        return result;
    }

    private sealed class NamespaceCollector(MetadataReader md, HashSet<string> sink) : ISignatureTypeProvider<string, object?>
    {
        public string NamespaceOf(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)handle).Namespace),
            HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)handle).Namespace),
            _ => "",
        };

        private string Add(string ns)
        {
            sink.Add(ns);
            return ns;
        }

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            Add(reader.GetString(reader.GetTypeDefinition(handle).Namespace));
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            Add(reader.GetString(reader.GetTypeReference(handle).Namespace));
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        public string GetArrayType(string elementType, ArrayShape shape) => elementType;
        public string GetByReferenceType(string elementType) => elementType;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "";
        public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) => genericType;
        public string GetGenericMethodParameter(object? genericContext, int index) => "";
        public string GetGenericTypeParameter(object? genericContext, int index) => "";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType;
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System";
        public string GetSZArrayType(string elementType) => elementType;
    }
}
