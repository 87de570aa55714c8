using System.Collections.Generic;
using System.Linq;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using static Cosem.Sdk.Generators.Emitting.CSharpText;

namespace Cosem.Sdk.Generators.Emitting;

/// <summary>The client side of one interface class, nested in the server base as <c>Proxy</c>.</summary>
internal static class ClientProxyEmitter
{
    private const int ProfileGenericClassId = 7;

    /// <summary>Writes the nested <c>Proxy</c> class: typed GET, SET and ACTION over a client session.</summary>
    public static void Write(SourceWriter w, ClassModel model, string codec)
    {
        w.WriteLine();
        w.WriteLine("/// <summary>Client side of " + model.Name + ": typed GET, SET and ACTION on one object of a meter.</summary>");
        w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        // A Profile generic proxy stays open: a device profile that declares the capture objects derives a typed one.
        w.OpenBlock((model.ClassId == ProfileGenericClassId ? "public partial class Proxy : " : "public sealed partial class Proxy : ") + KnownTypes.CosemProxy);
        w.WriteLine("/// <summary>The client side of one " + Escape(model.Name) + " object (class id " + Int(model.ClassId) + ") of a meter.</summary>");
        w.WriteLine("/// <param name=\"session\">The open association the GET, SET and ACTION requests go through.</param>");
        w.WriteLine("/// <param name=\"logicalName\">Logical name (OBIS code) of the object on the meter.</param>");
        w.WriteLine("public Proxy(" + KnownTypes.CosemSession + " session, " + KnownTypes.ObisCode + " logicalName)");
        w.WriteLine("    : base(session, logicalName)");
        w.WriteLine("{");
        w.WriteLine("}");
        w.WriteLine();
        InterfaceClassEmitter.WriteClassIdAndVersion(w, model);

        foreach (var attribute in model.Attributes)
        {
            string type = ClrTypes.CsType(attribute.Type);
            string result = KnownTypes.ValueTask + "<" + type + ">";
            string label = Describe("attribute", attribute.Index, attribute.Name);
            string descriptor = "Attribute(" + Int(attribute.Index) + ")";
            string decode = attribute.Index == 1
                ? "static (ref " + KnownTypes.AxdrReader + " reader) => reader.ReadObisCode()"
                : codec + ".Decode" + attribute.Member;
            w.WriteLine();
            w.WriteLine("/// <summary>Reads " + label + "." + (attribute.Summary is null ? "" : " " + Escape(attribute.Summary)) + "</summary>");
            w.WriteLine("public " + result + " Get" + attribute.Member + "Async(" + KnownTypes.CancellationToken + " cancellationToken = default) =>");
            w.WriteLine("    Session.GetAsync(" + descriptor + ", " + decode + ", cancellationToken);");
            if (!attribute.Selectors.IsEmpty)
            {
                w.WriteLine();
                w.WriteLine("/// <summary>Reads part of " + label + " with selective access.</summary>");
                w.WriteLine("public " + result + " Get" + attribute.Member + "Async(" + KnownTypes.SelectiveAccessDescriptor + " access, " + KnownTypes.CancellationToken
                    + " cancellationToken = default) =>");
                w.WriteLine("    Session.GetAsync(" + descriptor + ", access, " + decode + ", cancellationToken);");
                if (attribute.Selectors.Contains(1))
                {
                    w.WriteLine();
                    w.WriteLine("/// <summary>Reads the rows of " + label + " within a range (access selector 1).</summary>");
                    w.WriteLine("public " + result + " Get" + attribute.Member + "Async(" + KnownTypes.RangeSelection + " range, " + KnownTypes.CancellationToken
                        + " cancellationToken = default) =>");
                    w.WriteLine("    Get" + attribute.Member + "Async(range.ToDescriptor(), cancellationToken);");
                    w.WriteLine();
                    w.WriteLine("/// <summary>Reads the rows of " + label + " captured from <paramref name=\"from\"/> to <paramref name=\"to\"/> (access selector 1, restricted by the clock).</summary>");
                    w.WriteLine("public " + result + " Get" + attribute.Member + "Async(" + KnownTypes.AxdrNamespace + "CosemDateTime from, " + KnownTypes.AxdrNamespace + "CosemDateTime to, "
                        + KnownTypes.CancellationToken + " cancellationToken = default) =>");
                    w.WriteLine("    Get" + attribute.Member + "Async(new " + KnownTypes.RangeSelection + "(from, to).ToDescriptor(), cancellationToken);");
                }
                if (attribute.Selectors.Contains(2))
                {
                    w.WriteLine();
                    w.WriteLine("/// <summary>Reads rows and columns of " + label + " by position (access selector 2).</summary>");
                    w.WriteLine("public " + result + " Get" + attribute.Member + "Async(" + KnownTypes.EntrySelection + " entries, " + KnownTypes.CancellationToken
                        + " cancellationToken = default) =>");
                    w.WriteLine("    Get" + attribute.Member + "Async(entries.ToDescriptor(), cancellationToken);");
                }
            }
            if (attribute.Index != 1)
            {
                w.WriteLine();
                w.WriteLine("/// <summary>Writes " + label + ".</summary>");
                w.WriteLine("public " + KnownTypes.ValueTask + " Set" + attribute.Member + "Async(" + type + " value, " + KnownTypes.CancellationToken + " cancellationToken = default) =>");
                w.WriteLine("    Session.SetAsync(" + descriptor + ", value, " + codec + ".Encode" + attribute.Member + ", cancellationToken);");
            }
        }

        foreach (var method in model.Methods)
        {
            string label = Describe("method", method.Index, method.Name);
            string result = method.Returns is null ? KnownTypes.ValueTask : KnownTypes.ValueTask + "<" + ClrTypes.CsType(method.Returns) + ">";
            string descriptor = "Method(" + Int(method.Index) + ")";
            string argument;
            string encode;
            if (method.Parameter is null)
            {
                argument = KnownTypes.AxdrNamespace + "CosemData.Null";
                encode = KnownTypes.CosemCodecs + ".EncodeData";
            }
            else
            {
                argument = InterfaceClassEmitter.TakesParameter(method) ? "parameter" : DefaultArgument(method);
                encode = codec + ".Encode" + method.Member + "Parameter";
            }
            string decode = method.Returns is null ? "" : codec + ".Decode" + method.Member + "Result, ";
            w.WriteLine();
            w.WriteLine("/// <summary>Invokes " + label + "." + (method.Summary is null ? "" : " " + Escape(method.Summary)) + "</summary>");
            w.WriteLine("public " + result + " " + method.Member + "Async(" + (InterfaceClassEmitter.TakesParameter(method) ? ClrTypes.CsType(method.Parameter!) + " parameter, " : "")
                + KnownTypes.CancellationToken + " cancellationToken = default) =>");
            w.WriteLine("    Session.InvokeAsync(" + descriptor + ", " + argument + ", " + encode + ", " + decode + "cancellationToken);");
        }
        w.CloseBlock();
    }

    private static string DefaultArgument(MethodModel method)
    {
        var type = method.Parameter!;
        return type.Kind == AxdrKind.Boolean || type.Kind == AxdrKind.NullData
            ? (type.Kind == AxdrKind.NullData ? KnownTypes.AxdrNamespace + "CosemData.Null" : method.DefaultLiteral!)
            : "(" + ClrTypes.CsType(type) + ")" + method.DefaultLiteral;
    }
}
