using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using Cosem.Sdk.Generators.Parsing;

namespace Cosem.Sdk.Generators;

public sealed partial class CosemGenerator
{
    /// <summary>
    /// Writes C# for the emission models. Output is deterministic (models are sorted, invariant culture), uses
    /// <c>global::</c> names throughout and keeps shared logic in the runtime (Cosem.Sdk.Server.CosemObject,
    /// Cosem.Sdk.Objects.CosemCodecs) rather than repeating it per class.
    /// </summary>
    internal static class Emitter
    {
        public const string RegistryClassName = "CosemGeneratedClasses";

        private const string Axdr = "global::Cosem.Sdk.Axdr.";
        private const string Reader = Axdr + "AxdrReader";
        private const string Writer = Axdr + "AxdrWriter";
        private const string Codecs = "global::Cosem.Sdk.Objects.CosemCodecs";
        private const string ObisCode = "global::Cosem.Sdk.Obis.ObisCode";
        private const string Session = "global::Cosem.Sdk.Client.ICosemSession";
        private const string Context = "global::Cosem.Sdk.Server.RequestContext";
        private const string Token = "global::System.Threading.CancellationToken";
        private const string ValueTask = "global::System.Threading.Tasks.ValueTask";
        private const string DataAccessResult = "global::Cosem.Sdk.Apdu.DataAccessResult";
        private const string ActionResult = "global::Cosem.Sdk.Apdu.ActionResult";
        private const string SelectiveAccess = "global::Cosem.Sdk.Apdu.SelectiveAccessDescriptor";
        private const string Output = "global::System.Buffers.IBufferWriter<byte>";

        private static readonly string s_generatedCode =
            "[global::System.CodeDom.Compiler.GeneratedCode(\"Cosem.Sdk.Generators\", \""
            + typeof(CosemGenerator).Assembly.GetName().Version!.ToString() + "\")]";

        // ---- interface classes ------------------------------------------------------------------------------

        public static string EmitClass(ClassModel model)
        {
            var w = Begin(model.Namespace);
            string codec = model.Name + "Codec";
            var attributes = model.Attributes.Where(a => a.Index != 1).ToList();

            WriteSummary(w, model.Summary ?? model.Name);
            w.WriteLine("/// <remarks>");
            w.WriteLine("/// COSEM interface class " + Int(model.ClassId) + ", version " + Int(model.Version)
                + (model.BlueBook is null ? "" : " (Blue Book " + Escape(model.BlueBook) + ")") + ". The server base: subclass it and");
            w.WriteLine("/// override the members you implement; the rest serve in-memory values. <see cref=\"Proxy\"/> is the client side.");
            w.WriteLine("/// </remarks>");
            w.WriteLine(s_generatedCode);
            w.OpenBlock("public partial class " + model.Name + " : global::Cosem.Sdk.Server.CosemObject");

            // Metadata and factories.
            w.WriteLine("/// <summary>Class id, version, attributes and methods of " + model.Name + ", and its factories.</summary>");
            w.WriteLine("public static global::Cosem.Sdk.Objects.CosemClassInfo ClassInfo { get; } = new(");
            w.Indent();
            w.WriteLine(Int(model.ClassId) + ",");
            w.WriteLine(Int(model.Version) + ",");
            w.WriteLine(Literal(model.Name) + ",");
            w.WriteLine("[");
            w.Indent();
            foreach (var attribute in model.Attributes)
            {
                string selectors = attribute.Selectors.IsEmpty ? "" : ", [" + string.Join(", ", attribute.Selectors.Select(Int)) + "]";
                w.WriteLine("new(" + Int(attribute.Index) + ", " + Literal(attribute.Name) + ", global::Cosem.Sdk.Server.AttributeAccess."
                    + AccessName(attribute.Access) + ", " + (attribute.IsStatic ? "true" : "false") + ", " + Offset(attribute.ShortNameOffset)
                    + selectors + "),");
            }
            w.Unindent();
            w.WriteLine("],");
            w.WriteLine("[");
            w.Indent();
            foreach (var method in model.Methods)
            {
                w.WriteLine("new(" + Int(method.Index) + ", " + Literal(method.Name) + ", global::Cosem.Sdk.Server.MethodAccess."
                    + AccessName(method.Access) + ", " + Offset(method.ShortNameOffset) + "),");
            }
            w.Unindent();
            w.WriteLine("],");
            w.WriteLine("static logicalName => new " + model.FullName + "(logicalName),");
            w.WriteLine("static (session, logicalName) => new " + model.FullName + ".Proxy(session, logicalName));");
            w.Unindent();
            w.WriteLine();

            w.WriteLine("/// <summary>Creates the object with in-memory default values.</summary>");
            w.WriteLine("public " + model.Name + "(" + ObisCode + " logicalName)");
            w.WriteLine("    : base(logicalName)");
            w.WriteLine("{");
            w.WriteLine("}");
            w.WriteLine();
            w.WriteLine("public override ushort ClassId => " + Int(model.ClassId) + ";");
            w.WriteLine();
            w.WriteLine("public override byte Version => " + Int(model.Version) + ";");
            w.WriteLine();
            w.WriteLine("public override global::System.Collections.Generic.IReadOnlyList<global::Cosem.Sdk.Server.CosemAttributeInfo> Attributes => ClassInfo.Attributes;");
            w.WriteLine();
            w.WriteLine("public override global::System.Collections.Generic.IReadOnlyList<global::Cosem.Sdk.Server.CosemMethodInfo> Methods => ClassInfo.Methods;");

            // Attributes: in-memory value, virtual getter and setter.
            foreach (var attribute in attributes)
            {
                string type = CsType(attribute.Type);
                string label = Describe("attribute", attribute.Index, attribute.Name);
                bool selective = !attribute.Selectors.IsEmpty;
                w.WriteLine();
                WriteSummary(w, Describe("Attribute", attribute.Index, attribute.Name) + ": the in-memory value the default getter serves and the default setter stores."
                    + (attribute.Summary is null ? "" : " " + Escape(attribute.Summary)), escape: false);
                string initializer = DefaultValue(attribute.Type);
                w.WriteLine("public " + type + " " + attribute.Member + " { get; set; }" + (initializer.Length == 0 ? "" : " = " + initializer + ";"));
                w.WriteLine();
                w.WriteLine("/// <summary>Reads " + label + ". Default: <see cref=\"" + attribute.Member + "\"/>"
                    + (selective ? (attribute.Type.Kind == AxdrKind.Array ? ", with entry selections applied" : "") : "") + ".</summary>");
                if (selective)
                {
                    string body = attribute.Type.Kind == AxdrKind.Array
                        ? "new(global::Cosem.Sdk.Objects.EntrySelection.Select(" + attribute.Member + ", access));"
                        : "access is { } selection ? SelectiveAccessNotSupportedAsync<" + type + ">(selection) : new(" + attribute.Member + ");";
                    w.WriteLine("protected virtual " + ValueTask + "<" + type + "> Get" + attribute.Member + "Async(" + SelectiveAccess
                        + "? access, " + Context + " context, " + Token + " cancellationToken) =>");
                    w.WriteLine("    " + body);
                }
                else
                {
                    w.WriteLine("protected virtual " + ValueTask + "<" + type + "> Get" + attribute.Member + "Async(" + Context
                        + " context, " + Token + " cancellationToken) =>");
                    w.WriteLine("    new(" + attribute.Member + ");");
                }
                w.WriteLine();
                w.WriteLine("/// <summary>Writes " + label + ". Default: stores into <see cref=\"" + attribute.Member + "\"/>.</summary>");
                w.OpenBlock("protected virtual " + ValueTask + " Set" + attribute.Member + "Async(" + type + " value, " + Context
                    + " context, " + Token + " cancellationToken)");
                w.WriteLine(attribute.Member + " = value;");
                w.WriteLine("return default;");
                w.CloseBlock();
            }

            // Methods: virtual handlers.
            foreach (var method in model.Methods)
            {
                w.WriteLine();
                string label = Describe("method", method.Index, method.Name);
                w.WriteLine("/// <summary>Handles " + label + "." + (method.Summary is null ? "" : " " + Escape(method.Summary))
                    + " Default: refused with read-write-denied.</summary>");
                string result = method.Returns is null ? ValueTask : ValueTask + "<" + CsType(method.Returns) + ">";
                string parameter = TakesParameter(method) ? CsType(method.Parameter!) + " parameter, " : "";
                w.WriteLine("protected virtual " + result + " " + method.Member + "Async(" + parameter + Context + " context, " + Token
                    + " cancellationToken) =>");
                w.WriteLine("    NotImplementedAsync" + (method.Returns is null ? "" : "<" + CsType(method.Returns) + ">") + "(" + Literal(method.Name) + ");");
            }

            // Dispatch.
            w.WriteLine();
            w.WriteLine("protected override " + ValueTask + "<" + DataAccessResult + "> ReadAttributeCoreAsync(");
            w.WriteLine("    int index, " + SelectiveAccess + "? access, " + Context + " context, " + Output + " output, " + Token + " cancellationToken) =>");
            w.Indent();
            w.WriteLine("index switch");
            w.WriteLine("{");
            w.Indent();
            foreach (var attribute in attributes)
            {
                string args = (attribute.Selectors.IsEmpty ? "" : "access, ") + "context, cancellationToken";
                w.WriteLine(Int(attribute.Index) + " => EncodeResultAsync(Get" + attribute.Member + "Async(" + args + "), " + codec + ".Encode"
                    + attribute.Member + ", output),");
            }
            w.WriteLine("_ => new(" + DataAccessResult + ".ObjectUndefined),");
            w.Unindent();
            w.WriteLine("};");
            w.Unindent();
            w.WriteLine();
            w.WriteLine("protected override " + ValueTask + "<" + DataAccessResult + "> WriteAttributeCoreAsync(");
            w.WriteLine("    int index, global::System.ReadOnlyMemory<byte> value, " + Context + " context, " + Token + " cancellationToken) =>");
            w.Indent();
            w.WriteLine("index switch");
            w.WriteLine("{");
            w.Indent();
            foreach (var attribute in attributes)
            {
                string local = Naming.ToCamelCase(attribute.Member).TrimStart('@') + "Value";
                w.WriteLine(Int(attribute.Index) + " => TryDecode(value, " + codec + ".Decode" + attribute.Member + ", out var " + local + ")");
                w.WriteLine("    ? CompletedAsync(Set" + attribute.Member + "Async(" + local + ", context, cancellationToken))");
                w.WriteLine("    : TypeUnmatched,");
            }
            w.WriteLine("_ => new(" + DataAccessResult + ".ObjectUndefined),");
            w.Unindent();
            w.WriteLine("};");
            w.Unindent();
            w.WriteLine();
            w.WriteLine("protected override " + ValueTask + "<" + ActionResult + "> InvokeMethodCoreAsync(");
            w.WriteLine("    int index, global::System.ReadOnlyMemory<byte> parameter, " + Context + " context, " + Output + " output, " + Token + " cancellationToken) =>");
            w.Indent();
            w.WriteLine("index switch");
            w.WriteLine("{");
            w.Indent();
            foreach (var method in model.Methods)
            {
                WriteMethodArm(w, method, codec);
            }
            w.WriteLine("_ => new(" + ActionResult + ".ObjectUndefined),");
            w.Unindent();
            w.WriteLine("};");
            w.Unindent();

            WriteProxy(w, model, codec);
            w.CloseBlock();

            WriteCodecClass(w, model, codec);
            return End(w);
        }

        private static bool TakesParameter(MethodModel method) => method.Parameter is not null && method.DefaultLiteral is null;

        private static void WriteMethodArm(SourceWriter w, MethodModel method, string codec)
        {
            string index = Int(method.Index);
            string call;
            string local = Naming.ToCamelCase(method.Member).TrimStart('@') + "Parameter";
            if (TakesParameter(method))
            {
                call = method.Member + "Async(" + local + ", context, cancellationToken)";
            }
            else
            {
                call = method.Member + "Async(context, cancellationToken)";
            }
            string invoke = method.Returns is null
                ? "InvokedAsync(" + call + ")"
                : "ReturnResultAsync(" + call + ", " + codec + ".Encode" + method.Member + "Result, output)";

            if (method.Parameter is null)
            {
                w.WriteLine(index + " => " + invoke + ",");
            }
            else if (!TakesParameter(method))
            {
                // The Blue Book fixes the value (e.g. data ::= integer (0)); accept it, or no parameter at all.
                w.WriteLine(index + " => parameter.IsEmpty || TryDecode(parameter, " + codec + ".Decode" + method.Member + "Parameter, out _)");
                w.WriteLine("    ? " + invoke);
                w.WriteLine("    : ParameterTypeUnmatched,");
            }
            else
            {
                w.WriteLine(index + " => TryDecode(parameter, " + codec + ".Decode" + method.Member + "Parameter, out var " + local + ")");
                w.WriteLine("    ? " + invoke);
                w.WriteLine("    : ParameterTypeUnmatched,");
            }
        }

        private static void WriteProxy(SourceWriter w, ClassModel model, string codec)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>Client side of " + model.Name + ": typed GET, SET and ACTION on one object of a meter.</summary>");
            w.WriteLine(s_generatedCode);
            w.OpenBlock("public sealed partial class Proxy : global::Cosem.Sdk.Client.CosemProxy");
            w.WriteLine("public Proxy(" + Session + " session, " + ObisCode + " logicalName)");
            w.WriteLine("    : base(session, logicalName)");
            w.WriteLine("{");
            w.WriteLine("}");
            w.WriteLine();
            w.WriteLine("public override ushort ClassId => " + Int(model.ClassId) + ";");
            w.WriteLine();
            w.WriteLine("public override byte Version => " + Int(model.Version) + ";");

            foreach (var attribute in model.Attributes)
            {
                string type = CsType(attribute.Type);
                string result = ValueTask + "<" + type + ">";
                string label = Describe("attribute", attribute.Index, attribute.Name);
                string descriptor = "Attribute(" + Int(attribute.Index) + ")";
                string decode = attribute.Index == 1
                    ? "static (ref " + Reader + " reader) => reader.ReadObisCode()"
                    : codec + ".Decode" + attribute.Member;
                w.WriteLine();
                w.WriteLine("/// <summary>Reads " + label + "." + (attribute.Summary is null ? "" : " " + Escape(attribute.Summary)) + "</summary>");
                w.WriteLine("public " + result + " Get" + attribute.Member + "Async(" + Token + " cancellationToken = default) =>");
                w.WriteLine("    Session.GetAsync(" + descriptor + ", " + decode + ", cancellationToken);");
                if (!attribute.Selectors.IsEmpty)
                {
                    w.WriteLine();
                    w.WriteLine("/// <summary>Reads part of " + label + " with selective access.</summary>");
                    w.WriteLine("public " + result + " Get" + attribute.Member + "Async(" + SelectiveAccess + " access, " + Token
                        + " cancellationToken = default) =>");
                    w.WriteLine("    Session.GetAsync(" + descriptor + ", access, " + decode + ", cancellationToken);");
                    if (attribute.Selectors.Contains(1))
                    {
                        w.WriteLine();
                        w.WriteLine("/// <summary>Reads the rows of " + label + " within a range (access selector 1).</summary>");
                        w.WriteLine("public " + result + " Get" + attribute.Member + "Async(global::Cosem.Sdk.Objects.RangeSelection range, " + Token
                            + " cancellationToken = default) =>");
                        w.WriteLine("    Get" + attribute.Member + "Async(range.ToDescriptor(), cancellationToken);");
                        w.WriteLine();
                        w.WriteLine("/// <summary>Reads the rows of " + label + " captured from <paramref name=\"from\"/> to <paramref name=\"to\"/> (access selector 1, restricted by the clock).</summary>");
                        w.WriteLine("public " + result + " Get" + attribute.Member + "Async(" + Axdr + "CosemDateTime from, " + Axdr + "CosemDateTime to, "
                            + Token + " cancellationToken = default) =>");
                        w.WriteLine("    Get" + attribute.Member + "Async(new global::Cosem.Sdk.Objects.RangeSelection(from, to).ToDescriptor(), cancellationToken);");
                    }
                    if (attribute.Selectors.Contains(2))
                    {
                        w.WriteLine();
                        w.WriteLine("/// <summary>Reads rows and columns of " + label + " by position (access selector 2).</summary>");
                        w.WriteLine("public " + result + " Get" + attribute.Member + "Async(global::Cosem.Sdk.Objects.EntrySelection entries, " + Token
                            + " cancellationToken = default) =>");
                        w.WriteLine("    Get" + attribute.Member + "Async(entries.ToDescriptor(), cancellationToken);");
                    }
                }
                if (attribute.Index != 1)
                {
                    w.WriteLine();
                    w.WriteLine("/// <summary>Writes " + label + ".</summary>");
                    w.WriteLine("public " + ValueTask + " Set" + attribute.Member + "Async(" + type + " value, " + Token + " cancellationToken = default) =>");
                    w.WriteLine("    Session.SetAsync(" + descriptor + ", value, " + codec + ".Encode" + attribute.Member + ", cancellationToken);");
                }
            }

            foreach (var method in model.Methods)
            {
                string label = Describe("method", method.Index, method.Name);
                string result = method.Returns is null ? ValueTask : ValueTask + "<" + CsType(method.Returns) + ">";
                string descriptor = "Method(" + Int(method.Index) + ")";
                string argument;
                string encode;
                if (method.Parameter is null)
                {
                    argument = Axdr + "CosemData.Null";
                    encode = Codecs + ".EncodeData";
                }
                else
                {
                    argument = TakesParameter(method) ? "parameter" : DefaultArgument(method);
                    encode = codec + ".Encode" + method.Member + "Parameter";
                }
                string decode = method.Returns is null ? "" : codec + ".Decode" + method.Member + "Result, ";
                w.WriteLine();
                w.WriteLine("/// <summary>Invokes " + label + "." + (method.Summary is null ? "" : " " + Escape(method.Summary)) + "</summary>");
                w.WriteLine("public " + result + " " + method.Member + "Async(" + (TakesParameter(method) ? CsType(method.Parameter!) + " parameter, " : "")
                    + Token + " cancellationToken = default) =>");
                w.WriteLine("    Session.InvokeAsync(" + descriptor + ", " + argument + ", " + encode + ", " + decode + "cancellationToken);");
            }
            w.CloseBlock();
        }

        private static string DefaultArgument(MethodModel method)
        {
            var type = method.Parameter!;
            return type.Kind == AxdrKind.Boolean || type.Kind == AxdrKind.NullData
                ? (type.Kind == AxdrKind.NullData ? Axdr + "CosemData.Null" : method.DefaultLiteral!)
                : "(" + CsType(type) + ")" + method.DefaultLiteral;
        }

        // Decoders and encoders of every attribute, method parameter and return value, as static methods: the
        // dispatch and the proxy pass them as method groups, which C# caches as delegates (no allocation per call).
        private static void WriteCodecClass(SourceWriter w, ClassModel model, string codec)
        {
            w.WriteLine();
            w.WriteLine(s_generatedCode);
            w.OpenBlock("file static class " + codec);
            bool first = true;
            void Pair(string name, TypeModel type)
            {
                if (!first)
                {
                    w.WriteLine();
                }
                first = false;
                string cs = CsType(type);
                w.WriteLine("public static " + cs + " Decode" + name + "(ref " + Reader + " reader) =>");
                w.WriteLine("    " + DecodeExpression(type, "reader") + ";");
                w.WriteLine();
                w.WriteLine("public static void Encode" + name + "(ref " + Writer + " writer, " + cs + " value) =>");
                w.WriteLine("    " + EncodeStatement(type, "writer", "value") + ";");
            }
            foreach (var attribute in model.Attributes.Where(a => a.Index != 1))
            {
                Pair(attribute.Member, attribute.Type);
            }
            foreach (var method in model.Methods)
            {
                if (method.Parameter is { } parameter)
                {
                    Pair(method.Member + "Parameter", parameter);
                }
                if (method.Returns is { } returns)
                {
                    Pair(method.Member + "Result", returns);
                }
            }
            w.CloseBlock();
        }

        // ---- named types ------------------------------------------------------------------------------------

        public static string EmitNamedType(NamedTypeModel model)
        {
            var w = Begin(model.Namespace);
            switch (model.Kind)
            {
                case NamedTypeKind.Enum:
                case NamedTypeKind.Flags:
                    WriteEnum(w, model);
                    break;
                default:
                    WriteStructure(w, model);
                    break;
            }
            return End(w);
        }

        private static void WriteEnum(SourceWriter w, NamedTypeModel model)
        {
            bool flags = model.Kind == NamedTypeKind.Flags;
            string underlying = EnumUnderlyingType(model);
            WriteSummary(w, model.Summary ?? model.Name, escape: true);
            w.WriteLine("/// <remarks>Encoded as " + KindName(model.Encoding) + (flags ? "; bit n is <c>1 &lt;&lt; n</c>" : "") + ".</remarks>");
            if (flags)
            {
                w.WriteLine("[global::System.Flags]");
            }
            w.WriteLine(s_generatedCode);
            w.OpenBlock("public enum " + model.Name + " : " + underlying);
            if (flags && !model.Members.Any(m => m.Member == "None"))
            {
                w.WriteLine("/// <summary>No bit set.</summary>");
                w.WriteLine("None = 0,");
                if (model.Members.Count > 0)
                {
                    w.WriteLine();
                }
            }
            for (int i = 0; i < model.Members.Count; i++)
            {
                var member = model.Members[i];
                if (i > 0)
                {
                    w.WriteLine();
                }
                w.WriteLine("/// <summary>" + Escape(member.Summary ?? member.Name) + "</summary>");
                string value = flags ? BitLiteral(underlying, member.Value) : member.Value.ToString(CultureInfo.InvariantCulture);
                w.WriteLine(member.Member + " = " + value + ",");
            }
            w.CloseBlock();
        }

        private static void WriteStructure(SourceWriter w, NamedTypeModel model)
        {
            string name = model.Name;
            WriteSummary(w, model.Summary ?? model.Name, escape: true);
            foreach (var field in model.Fields)
            {
                w.WriteLine("/// <param name=\"" + field.Member + "\">" + Escape(field.Summary ?? field.Name) + "</param>");
            }
            w.WriteLine("/// <remarks>Encoded as a structure of " + Int(model.Fields.Count) + " element(s).</remarks>");
            w.WriteLine(s_generatedCode);
            w.WriteLine(model.IsReferenceType ? "public sealed partial record " + name + "(" : "public readonly partial record struct " + name + "(");
            w.Indent();
            for (int i = 0; i < model.Fields.Count; i++)
            {
                var field = model.Fields[i];
                w.WriteLine(CsType(field.Type) + " " + field.Member + (i == model.Fields.Count - 1 ? ")" : ","));
            }
            w.Unindent();
            w.OpenBlock();
            if (model.IsReferenceType)
            {
                w.WriteLine("/// <summary>A value with every field at its default (empty lists and strings).</summary>");
                w.WriteLine("public " + name + "()");
                w.WriteLine("    : this(" + string.Join(", ", model.Fields.Select(f => DefaultArgumentValue(f.Type))) + ")");
                w.WriteLine("{");
                w.WriteLine("}");
                w.WriteLine();
            }
            w.WriteLine("/// <summary>Reads one " + name + " (A-XDR structure).</summary>");
            w.OpenBlock("public static " + model.FullName + " Decode(ref " + Reader + " reader)");
            w.WriteLine("reader.ReadStructureHeader(" + Int(model.Fields.Count) + ", " + Literal(name) + ");");
            w.WriteLine("return new " + model.FullName + "(");
            w.Indent();
            for (int i = 0; i < model.Fields.Count; i++)
            {
                w.WriteLine(DecodeExpression(model.Fields[i].Type, "reader") + (i == model.Fields.Count - 1 ? ");" : ","));
            }
            w.Unindent();
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("/// <summary>Writes this " + name + " (A-XDR structure).</summary>");
            w.OpenBlock("public void Encode(ref " + Writer + " writer)");
            w.WriteLine("writer.WriteStructureHeader(" + Int(model.Fields.Count) + ");");
            foreach (var field in model.Fields)
            {
                w.WriteLine(EncodeStatement(field.Type, "writer", field.Member) + ";");
            }
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("/// <summary>Writes <paramref name=\"value\"/>; the static form suits <see cref=\"" + Axdr.Substring(8) + "AxdrEncoder{T}\"/>.</summary>");
            w.WriteLine("public static void Encode(ref " + Writer + " writer, " + model.FullName + " value) => value.Encode(ref writer);");
            w.CloseBlock();
        }

        // ---- devices ----------------------------------------------------------------------------------------

        public static string EmitDevice(DeviceModel model)
        {
            var w = Begin(model.Namespace);
            WriteSummary(w, model.Summary ?? ("The objects of a " + model.Name + " device."), escape: model.Summary is not null);
            w.WriteLine("/// <remarks>Client side: construct it over an open association and use one typed proxy per object.");
            w.WriteLine("/// Server side: <see cref=\"CreateObjects\"/> gives the same objects with in-memory values.</remarks>");
            w.WriteLine(s_generatedCode);
            w.OpenBlock("public sealed partial class " + model.Name);
            w.OpenBlock("public " + model.Name + "(" + Session + " session)");
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(session);");
            w.WriteLine("Session = session;");
            foreach (var obj in model.Objects)
            {
                w.WriteLine(obj.Member + " = new " + obj.ClassFullName + ".Proxy(session, " + ObisLiteral(obj.LogicalName) + ");");
            }
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("/// <summary>The association the proxies use.</summary>");
            w.WriteLine("public " + Session + " Session { get; }");
            foreach (var obj in model.Objects)
            {
                w.WriteLine();
                w.WriteLine("/// <summary>" + Escape(obj.Summary ?? obj.Member) + ": " + obj.ClassName + " " + obj.LogicalName
                    + " (class " + Int(obj.ClassId) + ", version " + Int(obj.Version) + ").</summary>");
                w.WriteLine("public " + obj.ClassFullName + ".Proxy " + obj.Member + " { get; }");
            }
            w.WriteLine();
            w.WriteLine("/// <summary>Every object of the device as a proxy, in declaration order.</summary>");
            w.WriteLine("public global::System.Collections.Generic.IReadOnlyList<global::Cosem.Sdk.Client.CosemProxy> Objects =>");
            w.WriteLine("    [" + string.Join(", ", model.Objects.Select(o => o.Member)) + "];");
            w.WriteLine();
            w.WriteLine("/// <summary>Server objects for every object of the device, with in-memory default values.</summary>");
            w.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::Cosem.Sdk.Server.CosemObject> CreateObjects() =>");
            w.WriteLine("[");
            w.Indent();
            foreach (var obj in model.Objects)
            {
                w.WriteLine("new " + obj.ClassFullName + "(" + ObisLiteral(obj.LogicalName) + "),");
            }
            w.Unindent();
            w.WriteLine("];");
            w.CloseBlock();
            return End(w);
        }

        // ---- registry ---------------------------------------------------------------------------------------

        public static string EmitRegistry(RegistryModel model)
        {
            var w = Begin(model.Namespace);
            w.WriteLine("/// <summary>The COSEM interface classes generated in this assembly.</summary>");
            w.WriteLine(s_generatedCode);
            w.OpenBlock("public static class " + RegistryClassName);
            w.WriteLine("/// <summary>Every class generated in this assembly, ordered by name.</summary>");
            w.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::Cosem.Sdk.Objects.CosemClassInfo> All { get; } =");
            w.WriteLine("[");
            w.Indent();
            foreach (string cls in model.ClassFullNames)
            {
                w.WriteLine(cls + ".ClassInfo,");
            }
            w.Unindent();
            w.WriteLine("];");
            w.WriteLine();
            w.WriteLine("/// <summary>Adds every class generated in this assembly to <paramref name=\"registry\"/>.</summary>");
            w.OpenBlock("public static void RegisterAll(global::Cosem.Sdk.Objects.CosemClassRegistry registry)");
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(registry);");
            w.OpenBlock("foreach (var info in All)");
            w.WriteLine("registry.Register(info);");
            w.CloseBlock();
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("// Runs when the assembly loads, so CosemClassRegistry.Default knows these classes before any lookup.");
            w.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            w.WriteLine("internal static void RegisterWithDefault() => RegisterAll(global::Cosem.Sdk.Objects.CosemClassRegistry.Default);");
            w.CloseBlock();
            return End(w);
        }

        // ---- types ------------------------------------------------------------------------------------------

        internal static string CsType(TypeModel type)
        {
            if (type.Kind == AxdrKind.Array)
            {
                return "global::System.Collections.Generic.IReadOnlyList<" + CsType(type.Element!) + ">";
            }
            if (type.TypeName is not null)
            {
                return type.TypeName;
            }
            return type.Kind switch
            {
                AxdrKind.Boolean => "bool",
                AxdrKind.Integer => "sbyte",
                AxdrKind.Long => "short",
                AxdrKind.DoubleLong => "int",
                AxdrKind.Long64 => "long",
                AxdrKind.Unsigned or AxdrKind.Enum or AxdrKind.Bcd => "byte",
                AxdrKind.LongUnsigned => "ushort",
                AxdrKind.DoubleLongUnsigned => "uint",
                AxdrKind.Long64Unsigned => "ulong",
                AxdrKind.Float32 => "float",
                AxdrKind.Float64 => "double",
                AxdrKind.OctetString => "global::System.ReadOnlyMemory<byte>",
                AxdrKind.VisibleString or AxdrKind.Utf8String => "string",
                AxdrKind.BitString => Axdr + "BitString",
                AxdrKind.DateTime => Axdr + "CosemDateTime",
                AxdrKind.Date => Axdr + "CosemDate",
                AxdrKind.Time => Axdr + "CosemTime",
                AxdrKind.Obis => ObisCode,
                _ => Axdr + "CosemData", // data, null-data
            };
        }

        // The primitive C# type an integer kind reads as (before an enum cast).
        private static string PrimitiveType(AxdrKind kind) => CsType(new TypeModel(kind, null, null, null, 0, false, 0));

        internal static string DecodeExpression(TypeModel type, string reader)
        {
            string size = type.Size > 0 ? ", " + Int(type.Size) : "";
            switch (type.Kind)
            {
                case AxdrKind.Array:
                    return Codecs + ".DecodeArray(ref " + reader + ", " + ItemDecoder(type.Element!) + ")";
                case AxdrKind.Named:
                    return type.TypeName + ".Decode(ref " + reader + ")";
                case AxdrKind.BitString when type.NamedKind == NamedTypeKind.Flags:
                    return "(" + type.TypeName + ")" + Codecs + ".DecodeFlagBits(ref " + reader + ")";
                case AxdrKind.BitString:
                    return Codecs + ".DecodeBitString(ref " + reader + size + ")";
                case AxdrKind.OctetString:
                    return Codecs + ".DecodeOctetString(ref " + reader + size + ")";
                case AxdrKind.VisibleString:
                    return Codecs + ".DecodeVisibleString(ref " + reader + size + ")";
                case AxdrKind.Utf8String:
                    return Codecs + ".DecodeUtf8String(ref " + reader + size + ")";
                case AxdrKind.Data:
                case AxdrKind.NullData:
                    return Axdr + "CosemData.Decode(ref " + reader + ")";
                case AxdrKind.DateTime:
                    return reader + ".ReadDateTime()";
                case AxdrKind.Date:
                    return reader + ".ReadDate()";
                case AxdrKind.Time:
                    return reader + ".ReadTime()";
                case AxdrKind.Obis:
                    return reader + ".ReadObisCode()";
                default:
                    string read = reader + "." + ReadMethod(type.Kind) + "()";
                    return type.TypeName is null ? read : "(" + type.TypeName + ")" + read;
            }
        }

        internal static string EncodeStatement(TypeModel type, string writer, string value)
        {
            string size = type.Size > 0 ? ", " + Int(type.Size) : "";
            switch (type.Kind)
            {
                case AxdrKind.Array:
                    return Codecs + ".EncodeArray(ref " + writer + ", " + value + ", " + ItemEncoder(type.Element!) + ")";
                case AxdrKind.Named:
                    return value + ".Encode(ref " + writer + ")";
                case AxdrKind.BitString when type.NamedKind == NamedTypeKind.Flags:
                    return Codecs + ".EncodeFlagBits(ref " + writer + ", (ulong)" + value + ", " + Int(type.FlagsBitCount) + ")";
                case AxdrKind.BitString:
                    return Codecs + ".EncodeBitString(ref " + writer + ", " + value + size + ")";
                case AxdrKind.OctetString:
                    return Codecs + ".EncodeOctetString(ref " + writer + ", " + value + size + ")";
                case AxdrKind.VisibleString:
                    return Codecs + ".EncodeVisibleString(ref " + writer + ", " + value + size + ")";
                case AxdrKind.Utf8String:
                    return Codecs + ".EncodeUtf8String(ref " + writer + ", " + value + size + ")";
                case AxdrKind.Data:
                case AxdrKind.NullData:
                    return value + ".Encode(ref " + writer + ")";
                case AxdrKind.DateTime:
                    return writer + ".WriteDateTime(" + value + ")";
                case AxdrKind.Date:
                    return writer + ".WriteDate(" + value + ")";
                case AxdrKind.Time:
                    return writer + ".WriteTime(" + value + ")";
                case AxdrKind.Obis:
                    return writer + ".WriteObisCode(" + value + ")";
                default:
                    string argument = type.TypeName is null ? value : "(" + PrimitiveType(type.Kind) + ")" + value;
                    return writer + "." + WriteMethod(type.Kind) + "(" + argument + ")";
            }
        }

        private static string ItemDecoder(TypeModel element) => element.Kind == AxdrKind.Named
            ? element.TypeName + ".Decode"
            : "static (ref " + Reader + " itemReader) => " + DecodeExpression(element, "itemReader");

        private static string ItemEncoder(TypeModel element) => element.Kind == AxdrKind.Named
            ? element.TypeName + ".Encode"
            : "static (ref " + Writer + " itemWriter, " + CsType(element) + " item) => " + EncodeStatement(element, "itemWriter", "item");

        private static string ReadMethod(AxdrKind kind) => kind switch
        {
            AxdrKind.Boolean => "ReadBoolean",
            AxdrKind.Integer => "ReadInt8",
            AxdrKind.Long => "ReadInt16",
            AxdrKind.DoubleLong => "ReadInt32",
            AxdrKind.Long64 => "ReadInt64",
            AxdrKind.Unsigned => "ReadUInt8",
            AxdrKind.LongUnsigned => "ReadUInt16",
            AxdrKind.DoubleLongUnsigned => "ReadUInt32",
            AxdrKind.Long64Unsigned => "ReadUInt64",
            AxdrKind.Enum => "ReadEnum",
            AxdrKind.Float32 => "ReadFloat32",
            AxdrKind.Float64 => "ReadFloat64",
            AxdrKind.Bcd => "ReadBcd",
            _ => throw new InvalidOperationException("No primitive reader for " + kind),
        };

        private static string WriteMethod(AxdrKind kind) => kind switch
        {
            AxdrKind.Boolean => "WriteBoolean",
            AxdrKind.Integer => "WriteInt8",
            AxdrKind.Long => "WriteInt16",
            AxdrKind.DoubleLong => "WriteInt32",
            AxdrKind.Long64 => "WriteInt64",
            AxdrKind.Unsigned => "WriteUInt8",
            AxdrKind.LongUnsigned => "WriteUInt16",
            AxdrKind.DoubleLongUnsigned => "WriteUInt32",
            AxdrKind.Long64Unsigned => "WriteUInt64",
            AxdrKind.Enum => "WriteEnum",
            AxdrKind.Float32 => "WriteFloat32",
            AxdrKind.Float64 => "WriteFloat64",
            AxdrKind.Bcd => "WriteBcd",
            _ => throw new InvalidOperationException("No primitive writer for " + kind),
        };

        // Property initializers: values that are valid to encode (no null strings or lists).
        private static string DefaultValue(TypeModel type) => type.Kind switch
        {
            AxdrKind.Array => "[]",
            AxdrKind.VisibleString or AxdrKind.Utf8String => "\"\"",
            AxdrKind.DateTime => Axdr + "CosemDateTime.Unspecified",
            AxdrKind.Date => Axdr + "CosemDate.Unspecified",
            AxdrKind.Time => Axdr + "CosemTime.Unspecified",
            AxdrKind.Named when type.IsReferenceType => "new " + type.TypeName + "()",
            _ => "",
        };

        private static string DefaultArgumentValue(TypeModel type)
        {
            string value = DefaultValue(type);
            return value.Length > 0 ? value : "default";
        }

        private static string EnumUnderlyingType(NamedTypeModel model) => model.Encoding switch
        {
            AxdrKind.BitString => model.BitCount <= 8 ? "byte" : model.BitCount <= 16 ? "ushort" : model.BitCount <= 32 ? "uint" : "ulong",
            _ => PrimitiveType(model.Encoding),
        };

        private static string BitLiteral(string underlying, long bit) =>
            (underlying == "ulong" ? "1ul" : underlying == "uint" ? "1u" : "1") + " << " + bit.ToString(CultureInfo.InvariantCulture);

        private static string KindName(AxdrKind kind) =>
            SchemaVocabulary.BuiltIns.First(p => p.Value == kind).Key;

        // ---- text helpers -----------------------------------------------------------------------------------

        private static SourceWriter Begin(string ns)
        {
            var w = new SourceWriter();
            w.WriteLine("// <auto-generated/>");
            w.WriteLine("// Generated by Cosem.Sdk.Generators from COSEM schema files. Do not edit: change the schema instead.");
            w.WriteLine("#nullable enable");
            w.WriteLine();
            w.WriteLine("namespace " + ns + ";");
            w.WriteLine();
            return w;
        }

        private static string End(SourceWriter w) => w.ToSourceText().ToString();

        private static void WriteSummary(SourceWriter w, string text, bool escape = true)
        {
            w.WriteLine("/// <summary>");
            w.WriteLine("/// " + (escape ? Escape(text) : text));
            w.WriteLine("/// </summary>");
        }

        private static string Describe(string what, int index, string name) =>
            what + " " + Int(index) + " (<c>" + Escape(name) + "</c>)";

        private static string AccessName(AttributeAccessKind access) => access switch
        {
            AttributeAccessKind.None => "NoAccess",
            _ => access.ToString(),
        };

        private static string AccessName(MethodAccessKind access) => access switch
        {
            MethodAccessKind.None => "NoAccess",
            MethodAccessKind.Execute => "Access",
            _ => "AuthenticatedAccess",
        };

        private static string Offset(int offset) =>
            offset < 0 ? "-1" : "0x" + offset.ToString("X2", CultureInfo.InvariantCulture);

        private static string ObisLiteral(string logicalName) =>
            "new " + ObisCode + "(" + string.Join(", ", logicalName.Split('.')) + ")";

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        internal static string Literal(string value) =>
            "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

        internal static string Escape(string text) =>
            text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
