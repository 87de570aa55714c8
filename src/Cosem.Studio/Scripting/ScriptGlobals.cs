using System.Text;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;

namespace Cosem.Studio.Scripting;

/// <summary>
/// What a script sees as globals: <c>meter</c> (the associated <see cref="CosemClient"/>), <c>Proxy(obis)</c> for a
/// typed object proxy from the object list, <c>Print</c> for output, and <c>CancellationToken</c> for cancellation.
/// </summary>
public sealed class ScriptGlobals(CosemClient meter, AssociationObjectList? objects, StringBuilder output, CancellationToken cancellationToken)
{
    /// <summary>The associated client of the open meter.</summary>
    public CosemClient meter { get; } = meter;

    /// <summary>The association's object list, when it was read.</summary>
    public AssociationObjectList? objects { get; } = objects;

    /// <summary>Cancelled when the user presses Stop; pass it to every call.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>A typed proxy (e.g. <c>Register.Proxy</c>) for <paramref name="logicalName"/>, by its class in the object list.</summary>
    public CosemProxy Proxy(string logicalName)
    {
        var name = ObisCode.Parse(logicalName);
        var entry = objects?.Find(name) ?? throw new ArgumentException($"{logicalName} is not in the association's object list.");
        return CosemClassRegistry.Default.CreateProxy(meter, entry.ClassId, entry.Version, name)
            ?? throw new ArgumentException($"Class {entry.ClassId} v{entry.Version} of {logicalName} is not known to the SDK.");
    }

    /// <summary>A typed proxy of class <typeparamref name="T"/>, e.g. <c>Proxy&lt;Clock.Proxy&gt;("0.0.1.0.0.255")</c>.</summary>
    public T Proxy<T>(string logicalName) where T : CosemProxy =>
        Proxy(logicalName) as T ?? throw new ArgumentException($"{logicalName} is not a {typeof(T).Name}.");

    /// <summary>Writes a line to the script's output.</summary>
    public void Print(object? value)
    {
        lock (output)
        {
            output.AppendLine(value?.ToString() ?? "null");
        }
    }
}
