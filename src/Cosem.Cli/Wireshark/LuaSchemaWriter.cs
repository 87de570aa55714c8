using System.Text;
using Cosem.Sdk.Generators.Model;

namespace Cosem.Cli.Wireshark;

/// <summary>
/// Writes the schema catalog as Lua tables: <c>CLASSES[id]</c> (name, version, attributes and methods with their
/// types, of the newest version), <c>CLASS_VERSIONS[id][version]</c> (older versions whose members differ) and
/// <c>TYPES[name]</c> (enums, flags, structures). The dissector's runtime uses them to name attributes and
/// methods and to show values typed.
/// </summary>
internal static class LuaSchemaWriter
{
    /// <summary>Appends the three tables to <paramref name="lua"/>.</summary>
    public static void Write(SchemaCatalog catalog, StringBuilder lua)
    {
        lua.AppendLine("-- Interface classes by class id (the highest version the schemas define; attribute and method");
        lua.AppendLine("-- types as the schema declares them).");
        lua.AppendLine("local CLASSES = {");
        var older = new List<(InterfaceClassSpec Class, string Members)>();
        foreach (var byId in catalog.Classes.GroupBy(c => c.ClassId))
        {
            var versions = byId.OrderBy(c => c.Version).ToList();
            var cls = versions[^1];
            string members = Members(cls);
            lua.Append("  [").Append(LuaText.Number(cls.ClassId)).Append("] = { name = ").Append(LuaText.Quote(cls.Name))
                .Append(", version = ").Append(LuaText.Number(cls.Version))
                .Append(", versions = ").Append(LuaText.Quote(string.Join(",", versions.Select(v => v.Version)))).AppendLine(",");
            lua.Append(members);
            lua.AppendLine("  },");
            // An older version gets its own table only where its members (names, types, sn-offsets) differ from the
            // newest's, so the plug-in stays small; the others are named by the newest.
            older.AddRange(versions.Take(versions.Count - 1).Select(v => (v, Members(v))).Where(v => v.Item2 != members));
        }
        lua.AppendLine("}");
        lua.AppendLine();
        lua.AppendLine("-- Older class versions whose members differ from the newest: class id -> version -> class. The dissector");
        lua.AppendLine("-- uses one when an object list in the capture gave the object that version.");
        lua.AppendLine("local CLASS_VERSIONS = {");
        foreach (var byId in older.GroupBy(o => o.Class.ClassId))
        {
            lua.Append("  [").Append(LuaText.Number(byId.Key)).AppendLine("] = {");
            foreach (var (cls, members) in byId)
            {
                lua.Append("  [").Append(LuaText.Number(cls.Version)).Append("] = { name = ").Append(LuaText.Quote(cls.Name))
                    .Append(", version = ").Append(LuaText.Number(cls.Version)).AppendLine(",");
                lua.Append(members);
                lua.AppendLine("  },");
            }
            lua.AppendLine("  },");
        }
        lua.AppendLine("}");
        lua.AppendLine();
        lua.AppendLine("-- Named types: enums (names by value), flags (names by bit), structures (fields in encoding order).");
        lua.AppendLine("local TYPES = {");
        foreach (var type in catalog.Types)
        {
            lua.Append("  [").Append(LuaText.Quote(type.Name)).Append("] = ");
            switch (type.Kind)
            {
                case NamedTypeKind.Structure:
                    lua.AppendLine("{ k = \"structure\", fields = {");
                    foreach (var field in type.Fields)
                    {
                        lua.Append("    { name = ").Append(LuaText.Quote(field.Name)).Append(", type = ").Append(Type(field.Type)).AppendLine(" },");
                    }
                    lua.AppendLine("  } },");
                    break;
                default:
                    lua.Append("{ k = ").Append(type.Kind == NamedTypeKind.Enum ? "\"enum\"" : "\"flags\"")
                        .Append(", names = {");
                    foreach (var member in type.Members)
                    {
                        lua.Append(" [").Append(LuaText.Number(member.Value)).Append("] = ").Append(LuaText.Quote(member.Name)).Append(',');
                    }
                    lua.AppendLine(" } },");
                    break;
            }
        }
        lua.AppendLine("}");
        lua.AppendLine();
    }

    // The attributes and methods tables of one class version, with their types and sn-offsets.
    private static string Members(InterfaceClassSpec cls)
    {
        var lua = new StringBuilder();
        lua.AppendLine("    attributes = {");
        foreach (var attribute in cls.Attributes.OrderBy(a => a.Index))
        {
            lua.Append("      [").Append(LuaText.Number(attribute.Index)).Append("] = { name = ").Append(LuaText.Quote(attribute.Name))
                .Append(", type = ").Append(Type(attribute.Type)).Append(ShortNameOffset(attribute.ShortNameOffset)).AppendLine(" },");
        }
        lua.AppendLine("    },");
        lua.AppendLine("    methods = {");
        foreach (var method in cls.Methods.OrderBy(m => m.Index))
        {
            lua.Append("      [").Append(LuaText.Number(method.Index)).Append("] = { name = ").Append(LuaText.Quote(method.Name));
            if (method.Parameter is { } parameter)
            {
                lua.Append(", param = ").Append(Type(parameter));
            }
            if (method.Returns is { } returns)
            {
                lua.Append(", ret = ").Append(Type(returns));
            }
            lua.Append(ShortNameOffset(method.ShortNameOffset));
            lua.AppendLine(" },");
        }
        lua.AppendLine("    },");
        return lua.ToString();
    }

    // The sn-offset the schema gives (short-name referencing), or nothing when it gives none (-1).
    private static string ShortNameOffset(int offset) => offset >= 0 ? ", sn = " + LuaText.Number(offset) : "";

    // { k = "date-time" }, { k = "array", el = {...} }, { k = "named", n = "ClockBase" }, { k = "unsigned", n = "ClockStatus" }.
    private static string Type(TypeRef type)
    {
        var text = new StringBuilder("{ k = ").Append(LuaText.Quote(KindName(type.Kind)));
        if (type.Name is { } name)
        {
            text.Append(", n = ").Append(LuaText.Quote(name));
        }
        if (type.Element is { } element)
        {
            text.Append(", el = ").Append(Type(element));
        }
        return text.Append(" }").ToString();
    }

    // The kebab-case names of the schema language (schema/README.md), which are also the A-XDR type names.
    private static string KindName(AxdrKind kind) => kind switch
    {
        AxdrKind.NullData => "null-data",
        AxdrKind.DoubleLong => "double-long",
        AxdrKind.Long64 => "long64",
        AxdrKind.LongUnsigned => "long-unsigned",
        AxdrKind.DoubleLongUnsigned => "double-long-unsigned",
        AxdrKind.Long64Unsigned => "long64-unsigned",
        AxdrKind.Float32 => "float32",
        AxdrKind.Float64 => "float64",
        AxdrKind.OctetString => "octet-string",
        AxdrKind.VisibleString => "visible-string",
        AxdrKind.Utf8String => "utf8-string",
        AxdrKind.BitString => "bit-string",
        AxdrKind.DateTime => "date-time",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
