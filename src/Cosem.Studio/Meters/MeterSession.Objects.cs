using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Objects;
using Cosem.Studio.Schema;
using Cosem.Studio.Values;

namespace Cosem.Studio.Meters;

// The object tree and the attribute grid: reads, writes and method calls through the SDK client.
public sealed partial class MeterSession
{
    private static readonly HashSet<ushort> ScaledClasses = [3, 4, 5];

    /// <summary>The views of every listed object, grouped by class (name, then version) for the tree.</summary>
    public static IReadOnlyList<IGrouping<string, ObjectView>> GroupByClass(IEnumerable<ObjectView> views) =>
        [.. views.GroupBy(v => $"{v.ClassName} (class {v.Entry.ClassId} v{v.Entry.Version})").OrderBy(g => g.Key, StringComparer.Ordinal)];

    /// <summary>A view per object of <paramref name="list"/> with its attributes and methods named from <paramref name="catalog"/>.</summary>
    public static IReadOnlyList<ObjectView> Views(AssociationObjectList list, SchemaCatalog catalog)
    {
        var views = new List<ObjectView>(list.Objects.Count);
        foreach (var entry in list.Objects)
        {
            var schema = catalog.Find(entry.ClassId, entry.Version);
            var info = CosemClassRegistry.Default.FindNearest(entry.ClassId, entry.Version);
            var view = new ObjectView(entry, schema, info);
            var attributes = entry.AccessRights.AttributeAccess.Select(a => a.AttributeId)
                .Union(info?.Attributes.Select(a => (sbyte)a.Index) ?? []).Order();
            foreach (var index in attributes)
            {
                var member = schema?.Attribute(index);
                view.Attributes.Add(new AttributeRow(index, member?.Name ?? info?.Attributes.FirstOrDefault(a => a.Index == index)?.Name ?? $"attribute {index}",
                    list.AttributeAccessOf(entry, index), member)
                {
                    Type = catalog.TypeOf(member),
                });
            }
            var methods = entry.AccessRights.MethodAccess.Select(m => m.MethodId).Union(info?.Methods.Select(m => (sbyte)m.Index) ?? []).Order();
            foreach (var index in methods)
            {
                var member = schema?.Method(index);
                view.Methods.Add(new MethodRow(index, member?.Name ?? info?.Methods.FirstOrDefault(m => m.Index == index)?.Name ?? $"method {index}",
                    list.MethodAccessOf(entry, index), member)
                {
                    Parameter = ParameterEditor(member, catalog),
                });
            }
            views.Add(view);
        }
        return views;
    }

    /// <summary>Reads every readable attribute of <paramref name="view"/> in one GET-with-list (as the association allows).</summary>
    public async Task ReadObjectAsync(ObjectView view, CancellationToken cancellationToken)
    {
        var rows = view.Attributes.Where(r => r.CanRead).ToArray();
        if (rows.Length == 0)
        {
            return;
        }
        try
        {
            var results = await Client.GetManyAsync([.. rows.Select(r => Descriptor(view, r))], cancellationToken);
            for (var i = 0; i < rows.Length; i++)
            {
                Apply(view, rows[i], results[i]);
            }
        }
        catch (Exception e) when (e is Sdk.CosemException)
        {
            foreach (var row in rows)
            {
                row.Error = ErrorText.Describe(e, Settings.Endpoint);
            }
        }
        UpdateScaledText(view);
    }

    /// <summary>Reads one attribute; a refusal is shown on its row in words.</summary>
    public async Task ReadAttributeAsync(ObjectView view, AttributeRow row, CancellationToken cancellationToken)
    {
        try
        {
            var results = await Client.GetManyAsync([Descriptor(view, row)], cancellationToken);
            Apply(view, row, results[0]);
        }
        catch (Exception e) when (e is Sdk.CosemException)
        {
            row.Error = ErrorText.Describe(e, Settings.Endpoint);
        }
        UpdateScaledText(view);
    }

    /// <summary>
    /// Opens the typed editor of a row: the value read, else the class's default value, else the schema type's
    /// default, shaped and named by the schema's declared type when there is one.
    /// </summary>
    public static ValueNode EditorFor(ObjectView view, AttributeRow row)
    {
        var template = row.Value ?? Template(view, row.Index) ?? row.Type?.DefaultValue() ?? CosemData.Null;
        return row.Type is { } type ? ValueNode.FromType(template, row.Name, type) : ValueNode.From(template, row.Name, row.Member, view.Schema);
    }

    /// <summary>
    /// Writes the row's edited value and reads it back; a value that does not parse or is refused leaves the editor
    /// open with the reason on the row.
    /// </summary>
    public async Task<bool> WriteAttributeAsync(ObjectView view, AttributeRow row, CancellationToken cancellationToken)
    {
        row.Notice = null;
        CosemData value;
        try
        {
            value = row.Editor?.ToData() ?? throw new InvalidOperationException("No editor is open.");
        }
        catch (FormatException e)
        {
            row.Error = $"not written: {e.Message}";
            return false;
        }
        try
        {
            await Client.SetDataAsync(Descriptor(view, row), value, cancellationToken);
        }
        catch (Exception e) when (e is Sdk.CosemException)
        {
            row.Error = $"not written: {ErrorText.Describe(e, Settings.Endpoint)}";
            return false;
        }
        row.Editor = null;
        row.Error = null;
        if (row.CanRead)
        {
            await ReadAttributeAsync(view, row, cancellationToken);
        }
        row.Notice = "written";
        return true;
    }

    /// <summary>Invokes a method with its edited parameter; the result (or refusal) is shown on the row.</summary>
    public async Task InvokeAsync(ObjectView view, MethodRow method, CancellationToken cancellationToken)
    {
        CosemData parameter;
        try
        {
            parameter = method.Parameter?.ToData() ?? CosemData.Null;
        }
        catch (FormatException e)
        {
            (method.Result, method.Failed) = ($"not invoked: {e.Message}", true);
            return;
        }
        try
        {
            var answer = await Client.InvokeDataAsync(new CosemMethodDescriptor(view.Entry.ClassId, view.Entry.LogicalName, method.Index), parameter, cancellationToken);
            (method.Result, method.Failed) = (answer is { } data ? $"success, returned {ValueText.Format(data)}" : "success", false);
        }
        catch (Exception e) when (e is Sdk.CosemException)
        {
            (method.Result, method.Failed) = (ErrorText.Describe(e, Settings.Endpoint), true);
        }
    }

    private static CosemAttributeDescriptor Descriptor(ObjectView view, AttributeRow row) => new(view.Entry.ClassId, view.Entry.LogicalName, row.Index);

    private static void Apply(ObjectView view, AttributeRow row, CosemGetResult result)
    {
        if (!result.IsSuccess)
        {
            (row.Value, row.Text, row.Error) = (null, null, $"refused: {ErrorText.Words(result.Result)}");
            return;
        }
        row.Value = result.Value;
        row.Error = null;
        row.Text = ValueText.Format(result.Value, row.Member, view.Schema);
        if (row.Index == 3 && ScaledClasses.Contains(view.Entry.ClassId))
        {
            try
            {
                var reader = new AxdrReader(result.RawData.Span);
                view.ScalerUnit = ScalerUnit.Decode(ref reader);
            }
            catch (Sdk.CosemException)
            {
                view.ScalerUnit = null; // not a scaler_unit structure: show the value unscaled
            }
        }
    }

    private static void UpdateScaledText(ObjectView view)
    {
        if (view.ScalerUnit is not { } scale || view.Attributes.FirstOrDefault(r => r.Index == 2) is not { Value: { } raw } value)
        {
            return;
        }
        if (raw.Type is DataType.Integer or DataType.Long or DataType.DoubleLong or DataType.Long64 or DataType.Unsigned
            or DataType.LongUnsigned or DataType.DoubleLongUnsigned or DataType.Long64Unsigned or DataType.Float32 or DataType.Float64)
        {
            value.Text = $"{Quantity.From(raw, scale)}  (raw {ValueText.Format(raw)})";
        }
    }

    /// <summary>The attribute's value in a fresh in-memory instance of the class: its type and shape.</summary>
    private static CosemData? Template(ObjectView view, sbyte index)
    {
        if (view.ClassInfo is not { } info)
        {
            return null;
        }
        var output = new ArrayBufferWriter<byte>();
        try
        {
            var result = info.CreateServer(view.Entry.LogicalName).ReadAttributeAsync(index, null, RequestContext.Local, output).AsTask().GetAwaiter().GetResult();
            return result == DataAccessResult.Success ? CosemData.Decode(output.WrittenSpan) : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null; // a class that cannot say gives no template: the editor falls back to hex
        }
    }

    /// <summary>
    /// The parameter editor of a method: the schema's parameter type with its default (structures field by field,
    /// arrays empty), or null-data when the schema gives none. Types no schema defines are edited as hex A-XDR.
    /// </summary>
    public static ValueNode ParameterEditor(MemberSchema? member, SchemaCatalog catalog) => catalog.TypeOf(member) is { } type
        ? ValueNode.FromType(type.DefaultValue(member!.Default), "parameter", type)
        : ValueNode.From(CosemData.Null, "parameter");
}
