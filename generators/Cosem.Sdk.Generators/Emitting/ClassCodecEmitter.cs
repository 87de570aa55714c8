using System.Collections.Generic;
using System.Linq;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using static Cosem.Sdk.Generators.Emitting.CSharpText;

namespace Cosem.Sdk.Generators.Emitting;

/// <summary>A-XDR decoders and encoders for the attribute, parameter and result types of one class.</summary>
internal static class ClassCodecEmitter
{
    // Decoders and encoders of every attribute, method parameter and return value, as static methods: the
    // dispatch and the proxy pass them as method groups, which C# caches as delegates (no allocation per call).
    /// <summary>Writes the file-local codec class named <paramref name="codec"/>.</summary>
    public static void Write(SourceWriter w, ClassModel model, string codec)
    {
        w.WriteLine();
        w.WriteLine("/// <summary>A-XDR decoders and encoders of the attributes, method parameters and results of " + Escape(model.Name)
            + ", passed to the dispatch and the proxy as method groups.</summary>");
        w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        w.OpenBlock("file static class " + codec);
        bool first = true;
        void Pair(string name, TypeModel type, string what)
        {
            if (!first)
            {
                w.WriteLine();
            }
            first = false;
            string cs = ClrTypes.CsType(type);
            w.WriteLine("/// <summary>Reads " + what + " of " + Escape(model.Name) + ": " + AxdrTypeName(type) + ".</summary>");
            w.WriteLine("public static " + cs + " Decode" + name + "(ref " + KnownTypes.AxdrReader + " reader) =>");
            w.WriteLine("    " + AxdrExpressions.Decode(type, "reader") + ";");
            w.WriteLine();
            w.WriteLine("/// <summary>Writes " + what + " of " + Escape(model.Name) + ": " + AxdrTypeName(type) + ".</summary>");
            w.WriteLine("public static void Encode" + name + "(ref " + KnownTypes.AxdrWriter + " writer, " + cs + " value) =>");
            w.WriteLine("    " + AxdrExpressions.Encode(type, "writer", "value") + ";");
        }
        foreach (var attribute in model.Attributes.Where(a => a.Index != 1))
        {
            Pair(attribute.Member, attribute.Type, Describe("attribute", attribute.Index, attribute.Name));
        }
        foreach (var method in model.Methods)
        {
            if (method.Parameter is { } parameter)
            {
                Pair(method.Member + "Parameter", parameter, "the parameter of " + Describe("method", method.Index, method.Name));
            }
            if (method.Returns is { } returns)
            {
                Pair(method.Member + "Result", returns, "the result of " + Describe("method", method.Index, method.Name));
            }
        }
        w.CloseBlock();
    }
}
