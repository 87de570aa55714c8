using System.Collections.Generic;
using System.Linq;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using static Cosem.Sdk.Generators.Emitting.CSharpText;

namespace Cosem.Sdk.Generators.Emitting;

/// <summary>
/// The server side of GET, SET and ACTION for one class: decode the request, call the virtual member, encode the
/// answer. Attribute 1 (logical_name) is served by the runtime base, so it has no arm here.
/// </summary>
internal static class ServerDispatchEmitter
{
    /// <summary>Writes the read, write and invoke overrides that switch on the index to the typed members.</summary>
    public static void Write(SourceWriter w, ClassModel model, IReadOnlyList<AttributeModel> attributes, string codec)
    {
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("protected override " + KnownTypes.ValueTask + "<" + KnownTypes.DataAccessResult + "> ReadAttributeCoreAsync(");
        w.WriteLine("    int index, " + KnownTypes.SelectiveAccessDescriptor + "? access, " + KnownTypes.RequestContext + " context, " + KnownTypes.ByteBufferWriter + " output, " + KnownTypes.CancellationToken + " cancellationToken) =>");
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
        w.WriteLine("_ => new(" + KnownTypes.DataAccessResult + ".ObjectUndefined),");
        w.Unindent();
        w.WriteLine("};");
        w.Unindent();
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("protected override " + KnownTypes.ValueTask + "<" + KnownTypes.DataAccessResult + "> WriteAttributeCoreAsync(");
        w.WriteLine("    int index, " + KnownTypes.ReadOnlyBytes + " value, " + KnownTypes.RequestContext + " context, " + KnownTypes.CancellationToken + " cancellationToken) =>");
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
        w.WriteLine("_ => new(" + KnownTypes.DataAccessResult + ".ObjectUndefined),");
        w.Unindent();
        w.WriteLine("};");
        w.Unindent();
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("protected override " + KnownTypes.ValueTask + "<" + KnownTypes.ActionResult + "> InvokeMethodCoreAsync(");
        w.WriteLine("    int index, " + KnownTypes.ReadOnlyBytes + " parameter, " + KnownTypes.RequestContext + " context, " + KnownTypes.ByteBufferWriter + " output, " + KnownTypes.CancellationToken + " cancellationToken) =>");
        w.Indent();
        w.WriteLine("index switch");
        w.WriteLine("{");
        w.Indent();
        foreach (var method in model.Methods)
        {
            WriteMethodArm(w, method, codec);
        }
        w.WriteLine("_ => new(" + KnownTypes.ActionResult + ".ObjectUndefined),");
        w.Unindent();
        w.WriteLine("};");
        w.Unindent();
    }

    // One arm of the ACTION switch: decode the parameter (if any), call the handler, encode the result (if any).
    private static void WriteMethodArm(SourceWriter w, MethodModel method, string codec)
    {
        string index = Int(method.Index);
        string call;
        string local = Naming.ToCamelCase(method.Member).TrimStart('@') + "Parameter";
        if (InterfaceClassEmitter.TakesParameter(method))
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
        else if (!InterfaceClassEmitter.TakesParameter(method))
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
}
