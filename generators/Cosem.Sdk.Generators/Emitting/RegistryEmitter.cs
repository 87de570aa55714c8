using System.Collections.Generic;
using System.Linq;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using static Cosem.Sdk.Generators.Emitting.CSharpText;

namespace Cosem.Sdk.Generators.Emitting;

/// <summary>Writes <c>CosemGeneratedClasses</c>, which makes the generated classes known to the runtime registry.</summary>
internal static class RegistryEmitter
{
    /// <summary>The generated registry class; one per assembly, so its name is fixed.</summary>
    public const string ClassName = "CosemGeneratedClasses";

    /// <summary>The list of every generated class and a module initializer that registers them with the default registry.</summary>
    public static string Emit(RegistryModel model)
    {
        var w = GeneratedFile.Begin(model.Namespace);
        w.WriteLine("/// <summary>The COSEM interface classes generated in this assembly.</summary>");
        w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        w.OpenBlock("public static class " + ClassName);
        w.WriteLine("/// <summary>Every class generated in this assembly, ordered by name.</summary>");
        w.WriteLine("public static " + KnownTypes.ReadOnlyList + "<" + KnownTypes.CosemClassInfo + "> All { get; } =");
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
        w.WriteLine("/// <param name=\"registry\">The registry the classes are added to; the module initializer passes the default one.</param>");
        w.OpenBlock("public static void RegisterAll(" + KnownTypes.CosemClassRegistry + " registry)");
        w.WriteLine(KnownTypes.ArgumentNullException + ".ThrowIfNull(registry);");
        w.OpenBlock("foreach (var info in All)");
        w.WriteLine("registry.Register(info);");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <summary>Runs when the assembly loads, so <c>CosemClassRegistry.Default</c> knows these classes before any lookup.</summary>");
        w.WriteLine("[" + KnownTypes.ModuleInitializerAttribute + "]");
        w.WriteLine("internal static void RegisterWithDefault() => RegisterAll(" + KnownTypes.CosemClassRegistry + ".Default);");
        w.CloseBlock();
        return GeneratedFile.End(w);
    }
}
