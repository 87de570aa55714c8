using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using Cosem.Sdk.Generators.Parsing;

namespace Cosem.Sdk.Generators;

public sealed partial class CosemGenerator
{
    /// <summary>
    /// Joins the per-file specs: builds the compilation-wide catalog of named types and classes, then resolves each
    /// class and device against it into emission models.
    /// </summary>
    internal static partial class Resolver
    {
        private const string FallbackNamespace = "Cosem.Generated";

        public static GeneratorOptions ReadOptions(string? cosemNamespace, string? rootNamespace)
        {
            string? ns = !string.IsNullOrWhiteSpace(cosemNamespace) ? cosemNamespace!.Trim()
                : !string.IsNullOrWhiteSpace(rootNamespace) ? rootNamespace!.Trim()
                : null;
            return new GeneratorOptions(ns is not null && Naming.IsValidNamespace(ns) ? ns : FallbackNamespace);
        }

        // ---- catalog ----------------------------------------------------------------------------------------

        public static ModelResult<SchemaCatalog> BuildCatalog(ImmutableArray<SchemaFile> files, GeneratorOptions options)
        {
            var diagnostics = new List<DiagnosticInfo>();
            string defaultNamespace = options.DefaultNamespace;

            // Named types: local declarations shadow referenced ones (the SDK's own schema); a name declared twice
            // on the same side is an error. Files are visited in path order so the result does not depend on the
            // order MSBuild lists them.
            var declared = new Dictionary<string, (NamedTypeSpec Spec, string Namespace, bool IsReference)>(StringComparer.Ordinal);
            foreach (var file in files.OrderBy(f => f.IsReference ? 0 : 1).ThenBy(f => f.Path, StringComparer.Ordinal))
            {
                string? classNamespace = file.Class?.Namespace;
                foreach (var type in file.Types)
                {
                    string ns = type.Namespace ?? classNamespace ?? defaultNamespace;
                    if (declared.TryGetValue(type.Name, out var existing) && existing.IsReference == file.IsReference)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateNamedType, type.Location, type.Name,
                            DescribeLocation(existing.Spec.Location)));
                        continue;
                    }
                    declared[type.Name] = (type, ns, file.IsReference);
                }
            }

            // Structures become record structs when every field is a value type, else sealed records.
            var referenceTypes = new Dictionary<string, bool>(StringComparer.Ordinal);
            bool IsReferenceStructure(string name, HashSet<string> visiting)
            {
                if (referenceTypes.TryGetValue(name, out bool known))
                {
                    return known;
                }
                if (!declared.TryGetValue(name, out var entry) || entry.Spec.Kind != NamedTypeKind.Structure)
                {
                    return false;
                }
                if (!visiting.Add(name))
                {
                    return true; // recursive through itself: only a class can hold itself
                }
                bool result = entry.Spec.Fields.Any(f => IsReferenceField(f.Type, visiting));
                visiting.Remove(name);
                referenceTypes[name] = result;
                return result;
            }
            bool IsReferenceField(TypeRef type, HashSet<string> visiting) => type.Kind switch
            {
                AxdrKind.Array or AxdrKind.VisibleString or AxdrKind.Utf8String or AxdrKind.Data => true,
                AxdrKind.Named => IsReferenceStructure(type.Name!, visiting),
                _ => false,
            };

            var lookup = new TypeLookup(declared.ToDictionary(
                p => p.Key,
                p => new NamedEntry(p.Key, p.Value.Spec.Kind, p.Value.Spec.Encoding, p.Value.Spec.ClrType,
                    p.Value.Namespace,
                    IsReferenceStructure(p.Key, new HashSet<string>(StringComparer.Ordinal)), DefaultBitCount(p.Value.Spec),
                    p.Value.Spec.FirstBitHigh),
                StringComparer.Ordinal));

            var types = new List<NamedTypeModel>();
            foreach (var (spec, ns, isReference) in declared.Values)
            {
                var fields = new List<FieldModel>();
                foreach (var field in spec.Fields)
                {
                    var type = lookup.Resolve(field.Type, field.Location, isReference ? null : diagnostics);
                    if (type is not null)
                    {
                        fields.Add(new FieldModel(field.Name, field.Member, type, field.Summary));
                    }
                }
                if (fields.Count != spec.Fields.Count)
                {
                    continue; // an unknown field type was reported; emitting the structure would not compile
                }
                types.Add(new NamedTypeModel(
                    ns, spec.Name, spec.Kind, spec.ClrType, spec.Encoding,
                    spec.Members.Select(m => new EnumMemberModel(m.Value, m.Name, m.Member, m.Summary)).ToEquatableArray(),
                    fields.ToEquatableArray(),
                    lookup.IsReferenceType(spec.Name),
                    DefaultBitCount(spec),
                    spec.Summary,
                    isReference,
                    spec.FirstBitHigh));
            }

            // Classes: one name+version per namespace, one id+version per compilation.
            var classes = new List<ClassSummary>();
            var byIdVersion = new Dictionary<(int, int), LocationInfo>();
            var byName = new Dictionary<string, LocationInfo>(StringComparer.Ordinal);
            foreach (var file in files.OrderBy(f => f.IsReference ? 0 : 1).ThenBy(f => f.Path, StringComparer.Ordinal))
            {
                if (file.Class is not { } cls)
                {
                    continue;
                }
                string fullName = "global::" + (cls.Namespace ?? defaultNamespace) + "." + cls.Name;
                // A user class with the id and version of a referenced one (the SDK's Blue Book schema) would silently
                // take its place in the registry: that must be asked for with replaces="blue-book".
                if (!file.IsReference && !cls.ReplacesBlueBook
                    && classes.FirstOrDefault(c => c.IsReference && c.ClassId == cls.ClassId && c.Version == cls.Version) is { } replaced)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReplacesBlueBookClass, cls.Location, cls.Name,
                        cls.ClassId.ToString(CultureInfo.InvariantCulture), cls.Version.ToString(CultureInfo.InvariantCulture), replaced.Name));
                    continue;
                }
                if (!file.IsReference && byIdVersion.TryGetValue((cls.ClassId, cls.Version), out var previous) && !IsReferenceLocation(files, previous))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateClass, cls.Location,
                        cls.ClassId.ToString(CultureInfo.InvariantCulture), cls.Version.ToString(CultureInfo.InvariantCulture), DescribeLocation(previous)));
                    continue;
                }
                if (!file.IsReference && byName.TryGetValue(fullName, out var sameName) && !IsReferenceLocation(files, sameName))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, cls.Location, cls.Name,
                        "namespace " + (cls.Namespace ?? defaultNamespace), cls.Name, "the class declared at " + DescribeLocation(sameName)));
                    continue;
                }
                if (declared.TryGetValue(cls.Name, out var clash) && (clash.Namespace == (cls.Namespace ?? defaultNamespace)) && !file.IsReference && !clash.IsReference)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, cls.Location, cls.Name,
                        "namespace " + clash.Namespace, cls.Name, "the named type declared at " + DescribeLocation(clash.Spec.Location)));
                    continue;
                }
                byIdVersion[(cls.ClassId, cls.Version)] = cls.Location;
                byName[fullName] = cls.Location;
                classes.RemoveAll(c => c.FullName == fullName || (c.ClassId == cls.ClassId && c.Version == cls.Version));
                classes.Add(new ClassSummary(cls.Name, fullName, cls.ClassId, cls.Version, file.IsReference));
            }

            var catalog = new SchemaCatalog(
                defaultNamespace,
                types.OrderBy(t => t.Namespace, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray(),
                classes.OrderBy(c => c.ClassId).ThenBy(c => c.Version).ThenBy(c => c.FullName, StringComparer.Ordinal).ToEquatableArray());
            return new ModelResult<SchemaCatalog>(catalog, SortDiagnostics(diagnostics));
        }

        private static bool IsReferenceLocation(ImmutableArray<SchemaFile> files, LocationInfo location) =>
            files.Any(f => f.IsReference && f.Path == location.FilePath);

        private static string DescribeLocation(LocationInfo location) =>
            System.IO.Path.GetFileName(location.FilePath) + "(" + location.Line.ToString(CultureInfo.InvariantCulture) + ")";

        // ---- classes ----------------------------------------------------------------------------------------

        public static ModelResult<ClassModel> BuildClass(SchemaFile file, SchemaCatalog catalog)
        {
            var cls = file.Class!;
            var diagnostics = new List<DiagnosticInfo>();
            var lookup = TypeLookup.From(catalog);
            string fullName = "global::" + (cls.Namespace ?? catalog.DefaultNamespace) + "." + cls.Name;
            bool accepted = catalog.Classes.Any(c => c.FullName == fullName && c.ClassId == cls.ClassId && c.Version == cls.Version && !c.IsReference);

            var attributes = new List<AttributeModel>();
            foreach (var attribute in cls.Attributes)
            {
                var type = lookup.Resolve(attribute.Type, attribute.Location, diagnostics);
                if (type is not null)
                {
                    attributes.Add(new AttributeModel(attribute.Index, attribute.Name, attribute.Member, type, attribute.Access,
                        attribute.IsStatic, attribute.ShortNameOffset, attribute.Selectors, attribute.Summary));
                }
            }
            var methods = new List<MethodModel>();
            foreach (var method in cls.Methods)
            {
                var parameter = method.Parameter is null ? null : lookup.Resolve(method.Parameter, method.Location, diagnostics);
                var returns = method.Returns is null ? null : lookup.Resolve(method.Returns, method.Location, diagnostics);
                if ((method.Parameter is null || parameter is not null) && (method.Returns is null || returns is not null))
                {
                    methods.Add(new MethodModel(method.Index, method.Name, method.Member, parameter, method.DefaultLiteral, returns,
                        method.Access, method.ShortNameOffset, method.Summary));
                }
            }

            // Any error in the file means the emitted class would be wrong or would not compile: emit nothing, the
            // diagnostics say why.
            bool hasErrors = diagnostics.Count > 0
                || file.Diagnostics.Any(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            var model = hasErrors || !accepted ? null : new ClassModel(
                cls.Namespace ?? catalog.DefaultNamespace, cls.Name, cls.ClassId, cls.Version, cls.Summary, cls.BlueBook,
                attributes.ToEquatableArray(), methods.ToEquatableArray());
            return new ModelResult<ClassModel>(model, SortDiagnostics(diagnostics));
        }

        // ---- devices ----------------------------------------------------------------------------------------

        public static ModelResult<DeviceModel> BuildDevice(SchemaFile file, SchemaCatalog catalog)
        {
            var device = file.Device!;
            var diagnostics = new List<DiagnosticInfo>();
            var objects = new List<DeviceObjectModel>();
            foreach (var obj in device.Objects)
            {
                // class="Clock" or class="8"; without version, the highest declared.
                bool byId = SchemaIntegers.TryParse(obj.Class, out long classId);
                var candidates = catalog.Classes
                    .Where(c => byId ? c.ClassId == classId : c.Name == obj.Class)
                    .Where(c => obj.Version < 0 || c.Version == obj.Version)
                    .OrderByDescending(c => c.IsReference ? 0 : 1)
                    .ThenByDescending(c => c.Version)
                    .ToList();
                if (candidates.Count == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownClass, obj.Location, obj.Member, obj.Class,
                        obj.Version < 0 ? "" : " version " + obj.Version.ToString(CultureInfo.InvariantCulture)));
                    continue;
                }
                var cls = candidates[0];
                objects.Add(new DeviceObjectModel(obj.Member, cls.Name, cls.FullName, cls.ClassId, cls.Version, obj.LogicalName, obj.Summary)
                {
                    Columns = DeviceColumns.Resolve(device, obj, cls, catalog, TypeLookup.From(catalog).Resolve, diagnostics),
                });
            }
            bool hasErrors = diagnostics.Count > 0
                || file.Diagnostics.Any(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            var model = hasErrors ? null : new DeviceModel(device.Namespace ?? catalog.DefaultNamespace, device.Name, device.Summary, objects.ToEquatableArray());
            return new ModelResult<DeviceModel>(model, SortDiagnostics(diagnostics));
        }

        public static RegistryModel? BuildRegistry(ImmutableArray<ClassModel> classes, SchemaCatalog catalog) =>
            classes.IsEmpty
                ? null
                : new RegistryModel(catalog.DefaultNamespace, classes.Select(c => c.FullName).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());

        private static EquatableArray<DiagnosticInfo> SortDiagnostics(List<DiagnosticInfo> diagnostics) =>
            diagnostics
                .OrderBy(d => d.Location.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Descriptor.Id, StringComparer.Ordinal)
                .ToEquatableArray();

        // ---- type resolution --------------------------------------------------------------------------------

        private readonly record struct NamedEntry(string Name, NamedTypeKind Kind, AxdrKind Encoding, string? ClrType, string Namespace, bool IsReferenceType, int BitCount,
            bool FirstBitHigh = false)
        {
            public string FullName => "global::" + (ClrType ?? Namespace + "." + Name);
        }

        // Bits a flags value occupies when carried as a bit-string without an explicit size: whole octets that
        // hold the highest declared bit (Blue Book bit-strings are octet multiples in practice).
        private static int DefaultBitCount(NamedTypeSpec spec)
        {
            if (spec.Kind != NamedTypeKind.Flags)
            {
                return 0;
            }
            long highest = spec.Members.Count == 0 ? 0 : spec.Members.Max(m => m.Value);
            return (int)((highest / 8) + 1) * 8;
        }

        private sealed class TypeLookup(Dictionary<string, NamedEntry> types)
        {
            public static TypeLookup From(SchemaCatalog catalog)
            {
                var map = new Dictionary<string, NamedEntry>(StringComparer.Ordinal);
                foreach (var type in catalog.Types)
                {
                    map[type.Name] = new NamedEntry(type.Name, type.Kind, type.Encoding, type.ClrType, type.Namespace, type.IsReferenceType, type.BitCount,
                        type.FirstBitHigh);
                }
                return new TypeLookup(map);
            }

            public bool IsReferenceType(string name) => types.TryGetValue(name, out var entry) && entry.IsReferenceType;

            /// <summary>Resolves <paramref name="type"/>; null (and a diagnostic, when a list is given) if a name is unknown or misused.</summary>
            public TypeModel? Resolve(TypeRef type, LocationInfo location, List<DiagnosticInfo>? diagnostics)
            {
                switch (type.Kind)
                {
                    case AxdrKind.Array:
                        var element = Resolve(type.Element!, location, diagnostics);
                        return element is null ? null : new TypeModel(AxdrKind.Array, null, null, element, 0, true, 0);

                    case AxdrKind.Named:
                        if (!types.TryGetValue(type.Name!, out var named))
                        {
                            diagnostics?.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownType, location, type.Name!));
                            return null;
                        }
                        return named.Kind == NamedTypeKind.Structure
                            ? new TypeModel(AxdrKind.Named, named.FullName, NamedTypeKind.Structure, null, 0, named.IsReferenceType, 0)
                            : new TypeModel(named.Encoding, named.FullName, named.Kind, null, 0, false, BitsOf(named, named.Encoding, 0), named.FirstBitHigh);

                    default:
                        if (type.Name is null)
                        {
                            return new TypeModel(type.Kind, null, null, null, type.Size, false, 0);
                        }
                        // enum="X" / flags="X" on a built-in integer or bit-string.
                        if (!types.TryGetValue(type.Name, out var mapping))
                        {
                            diagnostics?.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownType, location, type.Name));
                            return null;
                        }
                        if (mapping.Kind == NamedTypeKind.Structure)
                        {
                            diagnostics?.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTypeUsage, location,
                                "'" + type.Name + "' is a structure, not an enum or flags type"));
                            return null;
                        }
                        if (type.Kind == AxdrKind.BitString && mapping.Kind != NamedTypeKind.Flags)
                        {
                            diagnostics?.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTypeUsage, location,
                                "A bit-string maps to a flags type; '" + type.Name + "' is an enum"));
                            return null;
                        }
                        return new TypeModel(type.Kind, mapping.FullName, mapping.Kind, null, type.Size, false, BitsOf(mapping, type.Kind, type.Size),
                            mapping.FirstBitHigh);
                }
            }

            private static int BitsOf(NamedEntry entry, AxdrKind encoding, int size) =>
                entry.Kind != NamedTypeKind.Flags || encoding != AxdrKind.BitString ? 0
                : size > 0 ? size
                : entry.BitCount;
        }
    }
}
