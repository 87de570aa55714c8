using System.Collections;
using System.Net;
using System.Reflection;
using Cosem.Samples.MeterSimulator;
using Cosem.Samples.MeterSimulator.BlueBook;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Xunit.Abstractions;

namespace Cosem.Cli.Tests;

/// <summary>
/// The "whole Blue Book" profile: the simulator serves one object of every generated interface class and version
/// over TCP, and every attribute read through the <see cref="BlueBookMeter"/> facade's typed proxies returns the value
/// the simulator set (write-only attributes, such as passwords, are refused to the read-only public client); the
/// working Image transfer and Compact data servers read back their own state before any transfer or capture.
/// </summary>
public sealed class BlueBookProfileTests(ITestOutputHelper output) : IAsyncLifetime
{
    private BlueBookSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await BlueBookSimulator.StartAsync(new MeterSimulatorOptions { Address = IPAddress.Loopback, WrapperPort = 0, HdlcPort = null });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public void The_profile_holds_one_object_of_every_generated_class_and_version()
    {
        var generated = CosemClassRegistry.Default.Classes
            .Where(c => c.CreateServer(new Sdk.Obis.ObisCode(0, 0, 1, 0, 0, 255)).GetType().Assembly == typeof(CosemClassRegistry).Assembly)
            .Select(c => (c.ClassId, c.Version)).ToHashSet();
        var served = _simulator.Objects.Select(o => (o.ClassId, o.Version)).ToHashSet();
        Assert.Equal(generated.Count, _simulator.Objects.Count);
        Assert.Subset(served, generated);
        Assert.True(served.Select(s => s.ClassId).Distinct().Count() >= 80, "at least 80 class ids");
    }

    [Fact]
    public async Task Every_attribute_of_every_object_reads_back_what_was_set()
    {
        await using var client = await CosemClient.ConnectAsync(ClientTransport.Tcp("127.0.0.1", _simulator.WrapperEndPoint!.Port),
            new AssociationOptions { ClientAddress = 16, RequestTimeout = TimeSpan.FromSeconds(10) });
        var meter = new BlueBookMeter(client);
        var served = _simulator.Objects.ToDictionary(o => o.LogicalName);
        int read = 0, refused = 0;
        foreach (var proxy in meter.Objects)
        {
            var server = served[proxy.LogicalName];
            Assert.Equal((server.ClassId, server.Version), (proxy.ClassId, proxy.Version));
            // The attribute properties: the generated class's settable ones (ClassId, Version and the metadata are get-only);
            // of a working server (Image transfer, Compact data), those of the generated class it derives from.
            foreach (var property in GeneratedClass(server.GetType()).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true }))
            {
                var getter = proxy.GetType().GetMethod("Get" + property.Name + "Async", [typeof(CancellationToken)])
                    ?? throw new InvalidOperationException($"{proxy} has no typed getter for {property.Name}.");
                var attribute = server.Attributes.Single(a => Naming(a.Name) == property.Name.ToLowerInvariant() || property.Name == "MBusVersion" && a.Name == "version");
                object? value;
                try
                {
                    value = await AwaitValueTask(getter.Invoke(proxy, [CancellationToken.None])!);
                }
                catch (CosemServiceException) when (attribute.Access is AttributeAccess.Write or AttributeAccess.AuthenticatedWrite)
                {
                    refused++;
                    continue;
                }
                Assert.False(attribute.Access is AttributeAccess.Write or AttributeAccess.AuthenticatedWrite,
                    $"{proxy} {attribute.Name} is write-only but was read");
                var expected = property.GetValue(server);
                Assert.True(DeepEquals(expected, value), $"{proxy} attribute {attribute.Index} {attribute.Name}: set {Show(expected)}, read {Show(value)}");
                read++;
            }
        }
        output.WriteLine($"{meter.Objects.Count} objects: {read} attributes read back equal, {refused} write-only attributes refused.");
        Assert.True(read > 500, $"only {read} attributes read");
    }

    private static Type GeneratedClass(Type type) => type.BaseType == typeof(CosemObject) ? type : GeneratedClass(type.BaseType!);

    private static string Naming(string blueBookName) => blueBookName.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static async Task<object?> AwaitValueTask(object valueTask)
    {
        var task = (Task)valueTask.GetType().GetMethod("AsTask")!.Invoke(valueTask, null)!;
        try
        {
            await task;
        }
        catch
        {
            // Rethrown below as the original exception type.
        }
        if (task.Exception is { } failure)
        {
            throw failure.InnerException!;
        }
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        ReadOnlyMemory<byte> bytes => Convert.ToHexString(bytes.Span),
        IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>().Select(Show)) + "]",
        _ => value.ToString() ?? "",
    };

    // Structural equality: generated records hold lists and byte memories, which compare by reference.
    private static bool DeepEquals(object? expected, object? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }
        if (expected is ReadOnlyMemory<byte> left && actual is ReadOnlyMemory<byte> right)
        {
            return left.Span.SequenceEqual(right.Span);
        }
        if (expected is IEnumerable sequence && expected is not string && actual is IEnumerable other)
        {
            var a = sequence.Cast<object?>().ToArray();
            var b = other.Cast<object?>().ToArray();
            return a.Length == b.Length && a.Zip(b).All(pair => DeepEquals(pair.First, pair.Second));
        }
        var type = expected.GetType();
        if (type.Namespace == typeof(Clock).Namespace && !type.IsEnum && type.GetProperties().Length > 0 && type != typeof(CosemData))
        {
            return type == actual.GetType() && type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .All(p => DeepEquals(p.GetValue(expected), p.GetValue(actual)));
        }
        return expected.Equals(actual);
    }
}
