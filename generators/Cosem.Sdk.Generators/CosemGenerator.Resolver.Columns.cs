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
    internal static partial class Resolver
    {
        /// <summary>The columns of a profile's typed rows, from the &lt;capture&gt; children of its device object.</summary>
        private static class DeviceColumns
        {
            private const int ProfileGenericClassId = 7;
            private const string SdkScalerUnit = "global::Cosem.Sdk.Objects.ScalerUnit";
            private const string SdkUnit = "global::Cosem.Sdk.Objects.Unit";

            public static EquatableArray<DeviceColumnModel> Resolve(DeviceSpec device, DeviceObjectSpec obj, ClassSummary cls, SchemaCatalog catalog,
                Func<TypeRef, LocationInfo, List<DiagnosticInfo>?, TypeModel?> resolveType, List<DiagnosticInfo> diagnostics)
            {
                if (obj.Captures.IsEmpty)
                {
                    return EquatableArray<DeviceColumnModel>.Empty;
                }
                if (cls.ClassId != ProfileGenericClassId)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTypeUsage, obj.Location,
                        "<capture> declares the columns of a Profile generic (class 7); '" + obj.Member + "' is " + cls.Name));
                    return EquatableArray<DeviceColumnModel>.Empty;
                }
                var columns = new List<DeviceColumnModel>();
                foreach (var capture in obj.Captures)
                {
                    int classId;
                    string logicalName;
                    if (capture.Object is { } target)
                    {
                        var captured = device.Objects.FirstOrDefault(o => o.Member == target);
                        var capturedClass = captured is null ? null : FindClass(catalog, captured.Class, captured.Version);
                        if (captured is null || capturedClass is null)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTypeUsage, capture.Location,
                                "<capture object=\"" + target + "\"> names no object of device " + device.Name));
                            continue;
                        }
                        classId = capturedClass.ClassId;
                        logicalName = captured.LogicalName;
                    }
                    else
                    {
                        var capturedClass = FindClass(catalog, capture.Class!, -1);
                        if (capturedClass is null)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownClass, capture.Location, capture.Member, capture.Class!, ""));
                            continue;
                        }
                        classId = capturedClass.ClassId;
                        logicalName = capture.LogicalName!;
                    }
                    var type = resolveType(capture.Type, capture.Location, diagnostics);
                    if (type is null)
                    {
                        continue;
                    }
                    string? scalerUnit = null;
                    if (capture.Unit is { } unitName)
                    {
                        scalerUnit = ScalerUnitExpression(catalog, capture, type, unitName, diagnostics);
                        if (scalerUnit is null)
                        {
                            continue;
                        }
                    }
                    columns.Add(new DeviceColumnModel(capture.Member, classId, logicalName, capture.Attribute, capture.DataIndex, type,
                        scalerUnit is { Length: > 0 } ? scalerUnit : null, capture.Summary));
                }
                return columns.ToEquatableArray();
            }

            private static ClassSummary? FindClass(SchemaCatalog catalog, string cls, int version)
            {
                bool byId = SchemaIntegers.TryParse(cls, out long classId);
                return catalog.Classes
                    .Where(c => byId ? c.ClassId == classId : c.Name == cls)
                    .Where(c => version < 0 || c.Version == version)
                    .OrderByDescending(c => c.Version)
                    .FirstOrDefault();
            }

            // new ScalerUnit(scaler, Unit.Member): the unit by its schema name (watt_hour) or C# name (WattHour).
            private static string? ScalerUnitExpression(SchemaCatalog catalog, DeviceCaptureSpec capture, TypeModel type, string unitName,
                List<DiagnosticInfo> diagnostics)
            {
                if (type.Kind is not (AxdrKind.Integer or AxdrKind.Long or AxdrKind.DoubleLong or AxdrKind.Long64 or AxdrKind.Unsigned
                    or AxdrKind.LongUnsigned or AxdrKind.DoubleLongUnsigned) || type.TypeName is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTypeUsage, capture.Location,
                        "scaler and unit apply to an integer column; '" + capture.Member + "' is not one"));
                    return null;
                }
                var unit = catalog.Types.FirstOrDefault(t => t.Name == "Unit" && t.Kind == NamedTypeKind.Enum);
                var scalerUnit = catalog.Types.FirstOrDefault(t => t.Name == "ScalerUnit" && t.Kind == NamedTypeKind.Structure);
                var member = unit?.Members.FirstOrDefault(m => m.Name == unitName || m.Member == unitName);
                if (unit is null || scalerUnit is null || member is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTypeUsage, capture.Location,
                        "unit '" + unitName + "' of column '" + capture.Member + "' is not a value of the Unit enum"));
                    return null;
                }
                // Quantity takes the SDK's ScalerUnit: a compilation that generates the common types in its own
                // namespace (no SDK types to convert to) gets the raw column only.
                if (scalerUnit.FullName != SdkScalerUnit || unit.FullName != SdkUnit)
                {
                    return "";
                }
                return "new " + scalerUnit.FullName + "(" + capture.Scaler!.Value.ToString(CultureInfo.InvariantCulture) + ", " + unit.FullName + "." + member.Member + ")";
            }
        }
    }
}
