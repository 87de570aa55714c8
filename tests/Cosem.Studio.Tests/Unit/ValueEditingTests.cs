using Cosem.Sdk.Axdr;
using Cosem.Studio.Schema;
using Cosem.Studio.Values;

namespace Cosem.Studio.Tests.Unit;

public sealed class ValueEditingTests
{
    private static readonly SchemaCatalog Catalog = SchemaCatalog.Load(null);

    [Theory]
    [InlineData(DataType.Long, "-60")]
    [InlineData(DataType.DoubleLongUnsigned, "4294967295")]
    [InlineData(DataType.Unsigned, "255")]
    public void Numbers_keep_their_type(DataType type, string text)
    {
        var node = ValueNode.From(CosemData.FromInteger(type, 0), "value");
        node.Text = text;
        var data = node.ToData();
        Assert.Equal(type, data.Type);
        Assert.Equal(text, ValueText.Format(data));
    }

    [Fact]
    public void A_number_out_of_range_names_the_field()
    {
        var node = ValueNode.From(CosemData.FromInt8(0), "time_zone");
        node.Text = "300";
        var error = Assert.Throws<ValueFormatException>(() => node.ToData());
        Assert.Equal("time_zone", error.Field);
    }

    [Fact]
    public void Enumerations_get_the_schemas_names()
    {
        var schema = Catalog.Find(70, 1)!;
        var member = schema.Attribute(4)!;
        var node = ValueNode.From(CosemData.Enum(2), "control_mode", member, schema);
        Assert.Equal(EditorKind.Enum, node.Kind);
        Assert.Contains(node.Names!.Values, v => v.Value == "mode_1");
        Assert.Equal("mode_2 (2)", ValueText.Format(CosemData.Enum(2), member, schema));
    }

    [Fact]
    public void A_date_time_keeps_wildcards_and_deviation()
    {
        var node = ValueNode.From(CosemData.OctetString(new DateTimeFields { Date = "2026-12-05", Time = "10:00:00", Deviation = "-60", Status = "00" }.ToBytes()), "time");
        Assert.Equal(EditorKind.DateTime, node.Kind);
        node.DateTime!.Date = "*-12-25";
        node.DateTime.Deviation = "*";
        var bytes = node.ToData().AsBytes().ToArray();
        Assert.Equal([0xFF, 0xFF, 12, 25, 0xFF], bytes[..5]);
        Assert.Equal([0x80, 0x00], bytes[9..11]);
        Assert.Equal("*-12-25", DateTimeFields.From(bytes).Date);
    }

    [Fact]
    public void A_date_time_field_out_of_range_is_refused()
    {
        var fields = new DateTimeFields { Date = "2026-13-01", Time = "00:00:00" };
        Assert.Contains("month", Assert.Throws<FormatException>(fields.ToBytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Structures_and_arrays_edit_as_nested_fields_and_arrays_grow_like_their_first_item()
    {
        var value = CosemData.Array(CosemData.Structure(CosemData.FromUInt16(8), CosemData.LogicalName(new(0, 0, 1, 0, 0, 255))));
        var node = ValueNode.From(value, "capture_objects");
        Assert.Equal(EditorKind.Array, node.Kind);
        node.AddItem();
        node.Children[1].Children[0].Text = "3";
        var data = node.ToData();
        Assert.Equal(2, data.Count);
        Assert.Equal(3UL, data[1][0].AsUInt64());
        node.RemoveItem(0);
        Assert.Single(node.ToData().Items);
    }

    [Fact]
    public void A_bad_item_in_a_structure_names_its_path()
    {
        var node = ValueNode.From(CosemData.Structure(CosemData.FromInt8(0), CosemData.Boolean(true)), "value");
        node.Children[1].Text = "maybe";
        Assert.Equal("value[1]", Assert.Throws<ValueFormatException>(() => node.ToData()).Field);
    }

    [Fact]
    public void Bits_edit_as_text_and_show_their_flag_names()
    {
        var node = ValueNode.From(CosemData.BitString(BitString.Parse("0000")), "bits");
        node.Text = "1010";
        Assert.Equal("1010", node.ToData().AsBitString().ToString());
        node.Text = "12";
        Assert.Throws<ValueFormatException>(() => node.ToData());
    }

    [Fact]
    public void Octet_strings_edit_as_hex_and_logical_names_dotted()
    {
        var hex = ValueNode.From(CosemData.OctetString([1, 2]), "v");
        Assert.Equal(EditorKind.Hex, hex.Kind);
        hex.Text = "0A0B0C";
        Assert.Equal([0x0A, 0x0B, 0x0C], hex.ToData().AsBytes().ToArray());
        var obis = ValueNode.From(CosemData.LogicalName(new(1, 0, 1, 8, 0, 255)), "ln", new MemberSchema(1, "logical_name", "obis", null, null, null));
        Assert.Equal(EditorKind.Obis, obis.Kind);
        obis.Text = "1.0.2.8.0.255";
        Assert.Equal("1.0.2.8.0.255", obis.ToData().AsObisCode().ToString());
    }

    [Fact]
    public void The_catalog_names_every_sdk_class_and_a_users_own()
    {
        Assert.Equal("Register", Catalog.Find(3, 0)!.Name);
        Assert.Equal("ProfileGeneric", Catalog.Find(7, 1)!.Name);
        var directory = Directory.CreateTempSubdirectory("cosem-studio-schema");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "mine.cosem.xml"), """
                <interface-class xmlns="urn:cosem-sdk:schema:1" name="MyMeterThing" id="9001" version="0">
                  <attribute index="1" name="logical_name" type="obis"/>
                  <attribute index="2" name="mood" type="enum" enum="Mood"/>
                  <enum name="Mood" type="enum"><value n="0" name="calm"/><value n="1" name="busy"/></enum>
                </interface-class>
                """);
            var catalog = SchemaCatalog.Load(directory.FullName);
            var mine = catalog.Find(9001, 0)!;
            Assert.Equal("busy (1)", ValueText.Format(CosemData.Enum(1), mine.Attribute(2), mine));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
