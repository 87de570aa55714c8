using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using System;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cosem.Sdk.Generators.Parsing;

// <device>: the objects of one meter, each a class, a logical name and a member name on the generated facade.
internal sealed partial class SchemaFileReader
{
    /// <summary>Reads a &lt;device&gt; root; objects with errors are left out, so one bad line does not hide the rest.</summary>
    public DeviceSpec? ReadDevice(XElement root)
    {
        string? name = Identifier(root, "name", required: true);
        string? ns = Namespace(root);
        string? summary = null;
        var objects = new List<DeviceObjectSpec>();
        var members = new HashSet<string>(StringComparer.Ordinal);
        var logicalNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in SchemaChildren(root))
        {
            if (child.Name.LocalName == "summary")
            {
                summary = Text(child);
                continue;
            }
            if (child.Name.LocalName != "object")
            {
                Report(DiagnosticDescriptors.UnknownElement, child, child.Name.LocalName, root.Name.LocalName);
                continue;
            }
            string? member = Identifier(child, "member", required: true);
            string? cls = Required(child, "class");
            int version = Integer(child, "version", required: false, min: 0, max: 255) ?? -1;
            string? logicalNameText = Required(child, "logical-name");
            string? logicalName = null;
            if (logicalNameText is not null)
            {
                logicalName = NormalizeObis(logicalNameText);
                if (logicalName is null)
                {
                    Report(DiagnosticDescriptors.InvalidObisCode, child.Attribute("logical-name")!, logicalNameText);
                }
            }
            if (member is null || cls is null || logicalName is null)
            {
                continue;
            }
            if (!members.Add(member) || member == name || SchemaVocabulary.DeviceMembers.Contains(member))
            {
                Report(DiagnosticDescriptors.NameCollision, child, member, name ?? "(unnamed)", member,
                    member == name ? "the device name" : SchemaVocabulary.DeviceMembers.Contains(member) ? "a member of the generated facade" : "another object");
                continue;
            }
            if (!logicalNames.Add(logicalName))
            {
                Report(DiagnosticDescriptors.DuplicateValue, child, name ?? "(unnamed)", "logical name", logicalName);
                continue;
            }
            objects.Add(new DeviceObjectSpec(member, cls, version, logicalName, SummaryOf(child), Locate(child)) { Captures = ReadCaptures(child) });
        }
        return name is null ? null : new DeviceSpec(name, ns, summary, objects.ToEquatableArray(), Locate(root));
    }

    /// <summary>
    /// The &lt;capture&gt; children of a profile object: each a column of its rows, naming a device member
    /// (<c>object</c>) or a class and logical name, the attribute (and data index), the value's type and, for a
    /// register, an optional scaler and unit.
    /// </summary>
    private EquatableArray<DeviceCaptureSpec> ReadCaptures(XElement obj)
    {
        var captures = new List<DeviceCaptureSpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in SchemaChildren(obj))
        {
            if (child.Name.LocalName == "summary")
            {
                continue;
            }
            if (child.Name.LocalName != "capture")
            {
                Report(DiagnosticDescriptors.UnknownElement, child, child.Name.LocalName, obj.Name.LocalName);
                continue;
            }
            string? name = Required(child, "name");
            string? member = Member(child, name);
            string? target = Identifier(child, "object", required: false);
            string? cls = (string?)child.Attribute("class");
            string? logicalNameText = (string?)child.Attribute("logical-name");
            string? logicalName = logicalNameText is null ? null : NormalizeObis(logicalNameText);
            if (logicalNameText is not null && logicalName is null)
            {
                Report(DiagnosticDescriptors.InvalidObisCode, child.Attribute("logical-name")!, logicalNameText);
                continue;
            }
            if (target is null && (cls is null || logicalName is null))
            {
                Report(DiagnosticDescriptors.MissingAttribute, child, "capture", "object (or class and logical-name)");
                continue;
            }
            int? attribute = Integer(child, "attribute", required: true, min: -128, max: 127);
            int dataIndex = Integer(child, "data-index", required: false, min: 0, max: ushort.MaxValue) ?? 0;
            var type = ReadTypeRef(child, "type", "of", "enum", "flags", "size", required: true);
            int? scaler = Integer(child, "scaler", required: false, min: -128, max: 127);
            string? unit = (string?)child.Attribute("unit");
            if ((scaler is null) != (unit is null))
            {
                Report(DiagnosticDescriptors.MissingAttribute, child, "capture", scaler is null ? "scaler" : "unit");
                continue;
            }
            if (member is null || attribute is null || type is null)
            {
                continue;
            }
            if (!names.Add(member))
            {
                Report(DiagnosticDescriptors.NameCollision, child, member, (string?)obj.Attribute("member") ?? "(profile)", member, "another column");
                continue;
            }
            captures.Add(new DeviceCaptureSpec(member, target, cls, logicalName, attribute.Value, dataIndex, type, scaler, unit, SummaryOf(child), Locate(child)));
        }
        return captures.ToEquatableArray();
    }

    /// <summary>"1.0.1.8.0.255", "1-0:1.8.0*255" or "1-0:1.8.0.255" → "1.0.1.8.0.255"; null when not six values 0–255.</summary>
    internal static string? NormalizeObis(string text)
    {
        var parts = text.Trim().Split('.', '-', ':', '*');
        if (parts.Length != 6)
        {
            return null;
        }
        var values = new string[6];
        for (int i = 0; i < 6; i++)
        {
            if (parts[i].Length == 0 || parts[i].Length > 3 || !parts[i].All(c => c is >= '0' and <= '9')
                || int.Parse(parts[i], CultureInfo.InvariantCulture) > 255)
            {
                return null;
            }
            values[i] = int.Parse(parts[i], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }
        return string.Join(".", values);
    }
}
