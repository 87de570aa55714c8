using System.Collections.Generic;
using System.Linq;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using static Cosem.Sdk.Generators.Emitting.CSharpText;

namespace Cosem.Sdk.Generators.Emitting;

/// <summary>Writes the facade class of a &lt;device&gt; schema file.</summary>
internal static class DeviceEmitter
{
    /// <summary>A device facade: one typed proxy per object for clients, and <c>CreateObjects</c> for servers.</summary>
    public static string Emit(DeviceModel model)
    {
        var w = GeneratedFile.Begin(model.Namespace);
        GeneratedFile.WriteSummary(w, model.Summary ?? ("The objects of a " + model.Name + " device."), escape: model.Summary is not null);
        w.WriteLine("/// <remarks>Client side: construct it over an open association and use one typed proxy per object.");
        w.WriteLine("/// Server side: <see cref=\"CreateObjects\"/> gives the same objects with in-memory values.</remarks>");
        w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        w.OpenBlock("public sealed partial class " + model.Name);
        w.WriteLine("/// <summary>Creates one typed proxy per object of " + Escape(model.Name) + " (" + Count(model.Objects.Count, "object")
            + "); nothing is sent until a proxy is used.</summary>");
        w.WriteLine("/// <param name=\"session\">The open association every proxy uses.</param>");
        w.WriteLine("/// <exception cref=\"" + Cref(KnownTypes.ArgumentNullException) + "\"><paramref name=\"session\"/> is null.</exception>");
        w.OpenBlock("public " + model.Name + "(" + KnownTypes.CosemSession + " session)");
        w.WriteLine(KnownTypes.ArgumentNullException + ".ThrowIfNull(session);");
        w.WriteLine("Session = session;");
        foreach (var obj in model.Objects)
        {
            w.WriteLine(obj.Member + " = new " + ProfileRowEmitter.ProxyType(obj) + "(session, " + ObisLiteral(obj.LogicalName) + ");");
        }
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <summary>The association the proxies use.</summary>");
        w.WriteLine("public " + KnownTypes.CosemSession + " Session { get; }");
        foreach (var obj in model.Objects)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>" + (obj.Summary is { } objSummary ? Escape(objSummary) + ": " + obj.ClassName : "Proxy of the " + obj.ClassName + " object") + " " + obj.LogicalName
                + " (class " + Int(obj.ClassId) + ", version " + Int(obj.Version) + ").</summary>");
            w.WriteLine("public " + ProfileRowEmitter.ProxyType(obj) + " " + obj.Member + " { get; }");
        }
        w.WriteLine();
        w.WriteLine("/// <summary>Every object of the device as a proxy, in declaration order.</summary>");
        w.WriteLine("public " + KnownTypes.ReadOnlyList + "<" + KnownTypes.CosemProxy + "> Objects =>");
        w.WriteLine("    [" + string.Join(", ", model.Objects.Select(o => o.Member)) + "];");
        w.WriteLine();
        w.WriteLine("/// <summary>Server objects for every object of the device, with in-memory default values.</summary>");
        w.WriteLine("public static " + KnownTypes.ReadOnlyList + "<" + KnownTypes.CosemObject + "> CreateObjects() =>");
        w.WriteLine("[");
        w.Indent();
        foreach (var obj in model.Objects)
        {
            w.WriteLine("new " + obj.ClassFullName + "(" + ObisLiteral(obj.LogicalName) + "),");
        }
        w.Unindent();
        w.WriteLine("];");
        foreach (var obj in model.Objects.Where(o => !o.Columns.IsEmpty))
        {
            ProfileRowEmitter.Write(w, obj);
        }
        w.CloseBlock();
        return GeneratedFile.End(w);
    }

    private static string ObisLiteral(string logicalName) =>
        "new " + KnownTypes.ObisCode + "(" + string.Join(", ", logicalName.Split('.')) + ")";
}
