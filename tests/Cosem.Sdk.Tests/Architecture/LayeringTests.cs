using System.Reflection;
using System.Reflection.Emit;
using Cosem.Sdk.Tests.Architecture.Support;

namespace Cosem.Sdk.Tests.Architecture;

/// <summary>
/// The layers (codecs -> APDUs -> security -> transport -> object model -> client | server -> objects) only ever
/// reference downwards, and client and server never reference each other. Checked on the compiled assemblies,
/// method bodies included, so neither a stray <c>using</c> nor a call hidden in a lambda slips through.
/// </summary>
public class LayeringTests
{
    public static TheoryData<string> Assemblies => new() { "Cosem.Sdk.Codec", "Cosem.Sdk", "Cosem.Sdk.Transport.Serial", "Cosem.Sdk.Translation" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Lower_layers_never_reference_higher_ones(string assemblyName)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));
        Assert.Empty(LayerViolationFinder.Find(stream));
    }

    [Fact]
    public void A_reference_made_only_inside_a_method_body_is_found()
    {
        var violations = FindInPlanted(module =>
        {
            var server = DefineTarget(module, "Cosem.Sdk.Server.PlantedServerType", out var serverMethod);
            var security = module.DefineType("Cosem.Sdk.Security.InnocentLooking", TypeAttributes.Public);
            CallFromBody(security, "Run", serverMethod); // signature: void Run(); the body calls the server type
            security.CreateType();
            server.CreateType();
        });
        Assert.Equal(["Cosem.Sdk.Security.InnocentLooking uses Cosem.Sdk.Server"], violations);
    }

    [Fact]
    public void A_reference_inside_a_nested_type_counts_for_its_outer_type()
    {
        var violations = FindInPlanted(module =>
        {
            var objects = DefineTarget(module, "Cosem.Sdk.Objects.PlantedObjectsType", out var objectsMethod);
            var transport = module.DefineType("Cosem.Sdk.Transport.Outer", TypeAttributes.Public);
            var closure = transport.DefineNestedType("<>c", TypeAttributes.NestedPrivate);
            CallFromBody(closure, "<Run>b__0", objectsMethod);
            transport.CreateType();
            closure.CreateType();
            objects.CreateType();
        });
        Assert.Equal(["Cosem.Sdk.Transport.<>c uses Cosem.Sdk.Objects"], violations);
    }

    [Fact]
    public void Client_and_server_may_not_use_each_other_though_they_share_a_rank()
    {
        Assert.False(Layers.MayUse("Cosem.Sdk.Client", "Cosem.Sdk.Server"));
        Assert.False(Layers.MayUse("Cosem.Sdk.Server.Protection", "Cosem.Sdk.Client"));
        Assert.True(Layers.MayUse("Cosem.Sdk.Server", "Cosem.Sdk.ObjectModel"));
        Assert.True(Layers.MayUse("Cosem.Sdk.Objects", "Cosem.Sdk.Client"));
        Assert.False(Layers.MayUse("Cosem.Sdk.ObjectModel", "Cosem.Sdk.Objects"));
    }

    [Fact]
    public void Codec_assembly_depends_on_the_bcl_only()
    {
        var codec = typeof(Cosem.Sdk.Obis.ObisCode).Assembly;
        var foreign = codec.GetReferencedAssemblies()
            .Where(a => a.Name is not null && !a.Name.StartsWith("System", StringComparison.Ordinal) && a.Name != "netstandard")
            .Select(a => a.Name).ToList();
        Assert.Empty(foreign);
    }

    // Emits an assembly with the types the callback defines and runs the finder over it.
    private static IReadOnlyList<string> FindInPlanted(Action<ModuleBuilder> define)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName("Planted"), typeof(object).Assembly);
        define(assembly.DefineDynamicModule("Planted"));
        using var stream = new MemoryStream();
        assembly.Save(stream);
        stream.Position = 0;
        return LayerViolationFinder.Find(stream);
    }

    private static TypeBuilder DefineTarget(ModuleBuilder module, string name, out MethodBuilder method)
    {
        var type = module.DefineType(name, TypeAttributes.Public);
        method = type.DefineMethod("Touch", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
        method.GetILGenerator().Emit(OpCodes.Ret);
        return type;
    }

    private static void CallFromBody(TypeBuilder type, string name, MethodInfo target)
    {
        var il = type.DefineMethod(name, MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes).GetILGenerator();
        il.Emit(OpCodes.Call, target);
        il.Emit(OpCodes.Ret);
    }
}
