using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Cosem.Sdk.Tests.Architecture.Support;

/// <summary>
/// Finds every reference from a type to a namespace of a higher layer in a compiled assembly: in field, method and
/// property signatures, base types and interfaces, and in method bodies (each IL instruction's type, method, field
/// and signature tokens). Nested types (closures, async state machines, lambdas) count as their outermost type's
/// namespace, so code moved into a lambda is still checked.
/// </summary>
internal static class LayerViolationFinder
{
    private static readonly Dictionary<short, OperandType> s_operands = typeof(OpCodes).GetFields()
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    public static IReadOnlyList<string> Find(Stream assembly)
    {
        using var pe = new PEReader(assembly, PEStreamOptions.LeaveOpen);
        var md = pe.GetMetadataReader();
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeDefinitions)
        {
            var definition = md.GetTypeDefinition(handle);
            var owner = OutermostNamespace(md, handle);
            var names = new Namespaces(md);
            Collect(md, pe, definition, names);
            foreach (var used in names.Found)
            {
                if (!Layers.MayUse(owner, used))
                {
                    violations.Add($"{owner}.{TypeName(md, handle)} uses {used}");
                }
            }
        }
        return [.. violations];
    }

    private static void Collect(MetadataReader md, PEReader pe, TypeDefinition definition, Namespaces names)
    {
        if (!definition.BaseType.IsNil)
        {
            names.AddType(definition.BaseType);
        }
        foreach (var implementation in definition.GetInterfaceImplementations())
        {
            names.AddType(md.GetInterfaceImplementation(implementation).Interface);
        }
        foreach (var field in definition.GetFields())
        {
            md.GetFieldDefinition(field).DecodeSignature(names, null);
        }
        foreach (var property in definition.GetProperties())
        {
            md.GetPropertyDefinition(property).DecodeSignature(names, null);
        }
        foreach (var methodHandle in definition.GetMethods())
        {
            var method = md.GetMethodDefinition(methodHandle);
            method.DecodeSignature(names, null);
            if (method.RelativeVirtualAddress != 0)
            {
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(names, null);
                }
                ScanInstructions(body.GetILReader(), names);
            }
        }
    }

    // Walks the IL stream and hands every metadata token operand to the collector.
    private static void ScanInstructions(BlobReader il, Namespaces names)
    {
        while (il.RemainingBytes > 0)
        {
            short value = il.ReadByte();
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il.ReadByte()));
            }
            switch (s_operands[value])
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                case OperandType.InlineSig:
                    names.AddToken(il.ReadInt32());
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.InlineString:
                case OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
            }
        }
    }

    private static string OutermostNamespace(MetadataReader md, TypeDefinitionHandle handle)
    {
        var definition = md.GetTypeDefinition(handle);
        while (definition.GetDeclaringType() is { IsNil: false } declaring)
        {
            definition = md.GetTypeDefinition(declaring);
        }
        return md.GetString(definition.Namespace);
    }

    private static string TypeName(MetadataReader md, TypeDefinitionHandle handle) => md.GetString(md.GetTypeDefinition(handle).Name);

    /// <summary>Collects the namespaces of the types a signature or token names.</summary>
    private sealed class Namespaces(MetadataReader md) : ISignatureTypeProvider<string, object?>
    {
        public HashSet<string> Found { get; } = [];

        public void AddToken(int token)
        {
            var handle = MetadataTokens.EntityHandle(token);
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification:
                    AddType(handle);
                    break;
                case HandleKind.MethodDefinition:
                    var method = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                    AddType(method.GetDeclaringType());
                    method.DecodeSignature(this, null);
                    break;
                case HandleKind.FieldDefinition:
                    AddType(md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MemberReference:
                    var member = md.GetMemberReference((MemberReferenceHandle)handle);
                    AddType(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(this, null);
                    }
                    else
                    {
                        member.DecodeFieldSignature(this, null);
                    }
                    break;
                case HandleKind.MethodSpecification:
                    var specification = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    AddToken(MetadataTokens.GetToken(specification.Method));
                    specification.DecodeSignature(this, null);
                    break;
                case HandleKind.StandaloneSignature:
                    var signature = md.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                    if (signature.GetKind() == StandaloneSignatureKind.Method)
                    {
                        signature.DecodeMethodSignature(this, null);
                    }
                    break;
            }
        }

        public void AddType(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    GetTypeFromDefinition(md, (TypeDefinitionHandle)handle, 0);
                    break;
                case HandleKind.TypeReference:
                    GetTypeFromReference(md, (TypeReferenceHandle)handle, 0);
                    break;
                case HandleKind.TypeSpecification:
                    md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
            }
        }

        private string Add(string ns)
        {
            Found.Add(ns);
            return ns;
        }

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            Add(OutermostNamespace(reader, handle));

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var reference = reader.GetTypeReference(handle);
            // A nested type reference is scoped by its declaring type's reference.
            while (reference.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                reference = reader.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope);
            }
            return Add(reader.GetString(reference.Namespace));
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetArrayType(string elementType, ArrayShape shape) => elementType;
        public string GetByReferenceType(string elementType) => elementType;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;
        public string GetGenericMethodParameter(object? genericContext, int index) => "";
        public string GetGenericTypeParameter(object? genericContext, int index) => "";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType;
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System";
        public string GetSZArrayType(string elementType) => elementType;
    }
}
