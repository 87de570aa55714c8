using System.Buffers;
using System.Collections.Immutable;
using System.Reflection;
using System.Xml.Linq;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Generators.Model;
using Cosem.Sdk.Generators.Parsing;
using Cosem.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Generators.Tests;

/// <summary>
/// Every structure generated from a schema set decodes a valid sample encoding and writes back the same bytes. The
/// samples are built from the generator's own model of the schema, so new schema files are covered without new
/// tests: the test inputs (generated into this assembly) and, when present, schema/classes (generated into
/// Cosem.Sdk as Cosem.Sdk.Objects).
/// </summary>
public class AllTypesRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_structure_of_the_test_inputs_round_trips() =>
        RoundTripAll(Directory.GetFiles(GeneratorHarness.InputsDirectory, "*.cosem.xml"), "Cosem.Sdk.Generators.Tests.Generated",
            typeof(AllTypesRoundTripTests).Assembly);

    [Fact]
    public void Every_structure_of_the_blue_book_schema_round_trips()
    {
        // COSEM_SCHEMA_DIR: another schema folder, for a Cosem.Sdk built with -p:CosemSchemaRoot=<that folder>.
        string classes = Path.Combine(RepositoryPaths.SchemaDirectory, "classes");
        var files = Directory.Exists(classes) ? Directory.GetFiles(classes, "*.cosem.xml") : [];
        var sdk = typeof(Cosem.Sdk.ObjectModel.CosemObject).Assembly;
        // Cosem.Sdk is generated from the same folder; when the folder is absent so are the types, and there is nothing to check.
        Assert.Equal(files.Length > 0, sdk.GetType("Cosem.Sdk.Objects.CosemGeneratedClasses") is not null);
        RoundTripAll(files, "Cosem.Sdk.Objects", sdk);
    }

    private void RoundTripAll(string[] files, string ns, Assembly assembly)
    {
        var parsed = files.Select(f => SchemaParser.Parse(f, SourceText.From(File.ReadAllText(f)), new SchemaFileOptions(false, null), default))
            .ToImmutableArray();
        var catalog = CosemGenerator.Resolver.BuildCatalog(parsed, new GeneratorOptions(ns)).Model!;
        var byName = catalog.Types.ToDictionary(t => t.FullName, StringComparer.Ordinal);
        int checkedCount = 0;
        foreach (var structure in catalog.Types.Where(t => t.Kind == NamedTypeKind.Structure))
        {
            var type = assembly.GetType(structure.Namespace + "." + structure.Name)
                ?? throw new InvalidOperationException($"{structure.FullName} was not generated into {assembly.GetName().Name}.");
            var buffer = new ArrayBufferWriter<byte>();
            var writer = new AxdrWriter(buffer);
            WriteStructure(ref writer, structure, byName, depth: 0);
            writer.Flush();
            byte[] sample = buffer.WrittenSpan.ToArray();

            var roundTrip = typeof(AllTypesRoundTripTests).GetMethod(nameof(RoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
            var decode = type.GetMethod("Decode", [typeof(AxdrReader).MakeByRefType()])!.CreateDelegate(typeof(AxdrDecoder<>).MakeGenericType(type));
            var encode = type.GetMethod("Encode", [typeof(AxdrWriter).MakeByRefType(), type])!.CreateDelegate(typeof(AxdrEncoder<>).MakeGenericType(type));
            var written = (byte[])roundTrip.Invoke(null, [sample, decode, encode])!;
            Assert.True(sample.AsSpan().SequenceEqual(written), $"{structure.Name}: {Convert.ToHexString(sample)} came back as {Convert.ToHexString(written)}");
            checkedCount++;
        }
        output.WriteLine($"{checkedCount} structures round-tripped from {files.Length} schema files.");
        // Counted from the XML, not from the generator's model, so a structure the parser drops is a failure here.
        int declared = files.Sum(f => XDocument.Load(f).Descendants().Count(e => e.Name.LocalName == "structure"));
        Assert.Equal(declared, checkedCount);
    }

    private static byte[] RoundTrip<T>(byte[] sample, AxdrDecoder<T> decode, AxdrEncoder<T> encode)
    {
        var reader = new AxdrReader(sample);
        T value = decode(ref reader);
        reader.EnsureAtEnd();
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AxdrWriter(buffer);
        encode(ref writer, value);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    // A valid, non-trivial encoding of each field: what a meter could send.
    private static void WriteStructure(ref AxdrWriter writer, NamedTypeModel structure, Dictionary<string, NamedTypeModel> types, int depth)
    {
        writer.WriteStructureHeader(structure.Fields.Count);
        foreach (var field in structure.Fields)
        {
            WriteSample(ref writer, field.Type, types, depth + 1);
        }
    }

    private static void WriteSample(ref AxdrWriter writer, TypeModel type, Dictionary<string, NamedTypeModel> types, int depth)
    {
        long enumValue = type.TypeName is not null && types.TryGetValue(type.TypeName, out var named) && named.Members.Count > 0
            ? named.Kind == NamedTypeKind.Flags ? 1L << (int)named.Members[^1].Value : named.Members[^1].Value
            : 1;
        switch (type.Kind)
        {
            case AxdrKind.Array:
                int count = depth > 3 ? 0 : 2;
                writer.WriteArrayHeader(count);
                for (int i = 0; i < count; i++)
                {
                    WriteSample(ref writer, type.Element!, types, depth + 1);
                }
                break;
            case AxdrKind.Named:
                WriteStructure(ref writer, types[type.TypeName!], types, depth);
                break;
            case AxdrKind.NullData:
                writer.WriteNull();
                break;
            case AxdrKind.Data:
                writer.WriteUInt16(0x1234);
                break;
            case AxdrKind.Boolean:
                writer.WriteBoolean(true);
                break;
            case AxdrKind.Float32:
                writer.WriteFloat32(1.5f);
                break;
            case AxdrKind.Float64:
                writer.WriteFloat64(-2.25);
                break;
            case AxdrKind.OctetString:
                writer.WriteOctetString(Enumerable.Range(1, type.Size > 0 ? type.Size : 3).Select(i => (byte)i).ToArray());
                break;
            case AxdrKind.VisibleString:
                writer.WriteVisibleString(new string('A', type.Size > 0 ? type.Size : 4));
                break;
            case AxdrKind.Utf8String:
                writer.WriteUtf8String(type.Size > 0 ? new string('u', type.Size) : "grün");
                break;
            case AxdrKind.BitString:
                int bits = type.FlagsBitCount > 0 ? type.FlagsBitCount : type.Size > 0 ? type.Size : 10;
                writer.WriteBitString(type.NamedKind == NamedTypeKind.Flags
                    ? BitString.FromFlags((ulong)enumValue, bits)
                    : BitString.FromFlags(1, bits));
                break;
            case AxdrKind.Bcd:
                writer.WriteBcd(0x42);
                break;
            case AxdrKind.DateTime:
                writer.WriteDateTime(CosemDateTime.From(new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(1))));
                break;
            case AxdrKind.Date:
                writer.WriteDate(new CosemDate(2026, 11, 24, 2));
                break;
            case AxdrKind.Time:
                writer.WriteTime(new CosemTime(10, 30, 15, 0));
                break;
            case AxdrKind.Obis:
                writer.WriteObisCode(new Cosem.Sdk.Obis.ObisCode(1, 0, 1, 8, 0, 255));
                break;
            case AxdrKind.Enum:
                writer.WriteEnum((byte)enumValue);
                break;
            default:
                writer.WriteInteger(type.Kind switch
                {
                    AxdrKind.Integer => DataType.Integer,
                    AxdrKind.Long => DataType.Long,
                    AxdrKind.DoubleLong => DataType.DoubleLong,
                    AxdrKind.Long64 => DataType.Long64,
                    AxdrKind.Unsigned => DataType.Unsigned,
                    AxdrKind.LongUnsigned => DataType.LongUnsigned,
                    AxdrKind.DoubleLongUnsigned => DataType.DoubleLongUnsigned,
                    _ => DataType.Long64Unsigned,
                }, enumValue);
                break;
        }
    }

}
