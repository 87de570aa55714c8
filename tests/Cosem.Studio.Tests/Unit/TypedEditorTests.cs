using System.Buffers;
using Cosem.Sdk.Axdr;
using Cosem.Studio.Meters;
using Cosem.Studio.Schema;
using Cosem.Studio.Values;

namespace Cosem.Studio.Tests.Unit;

/// <summary>
/// Editors built from the schema's declared types (structures, arrays, named enumerations) rather than from a value
/// read: what method parameters and empty arrays are edited with. Expected bytes are the A-XDR of Blue Book
/// (DLMS UA 1000-1 Ed.15) types as the generated classes encode them.
/// </summary>
public sealed class TypedEditorTests
{
    private static readonly SchemaCatalog Catalog = SchemaCatalog.Load(null);

    private static string Hex(CosemData value)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new AxdrWriter(output);
        value.Encode(ref writer);
        writer.Flush();
        return Convert.ToHexString(output.WrittenSpan);
    }

    private static ValueNode Parameter(ushort classId, byte version, int method) =>
        MeterSession.ParameterEditor(Catalog.Find(classId, version)!.Method(method), Catalog);

    private static ValueNode Field(ValueNode structure, string label) => Assert.Single(structure.Children, c => c.Label == label);

    [Fact]
    public void A_structure_parameter_is_edited_field_by_field_and_encodes_exactly()
    {
        // Special days table (class 11) insert: spec_day_entry {index long-unsigned, specialday_date date, day_id unsigned}.
        var node = Parameter(11, 0, 1);
        Assert.Equal(EditorKind.Structure, node.Kind);
        Assert.Equal(["index", "specialday_date", "day_id"], node.Children.Select(c => c.Label));
        Assert.Equal(DateTimeShape.Date, Field(node, "specialday_date").DateTime!.Shape);
        Field(node, "index").Text = "3";
        Field(node, "specialday_date").DateTime!.Date = "*-12-25";
        Field(node, "day_id").Text = "2";
        // structure(3): long-unsigned 3, octet-string(5) FFFF 0C 19 FF (every 25 December, any weekday), unsigned 2
        Assert.Equal("02031200030905FFFF0C19FF1102", Hex(node.ToData()));
    }

    [Fact]
    public void A_bad_field_of_a_structure_parameter_names_its_path()
    {
        var node = Parameter(11, 0, 1);
        Field(node, "day_id").Text = "256";
        Assert.Equal("parameter.day_id", Assert.Throws<ValueFormatException>(() => node.ToData()).Field);
    }

    [Fact]
    public void Image_transfer_initiate_takes_an_identifier_and_a_size()
    {
        var node = Parameter(18, 0, 1);
        Field(node, "image_identifier").Text = "414243";
        Field(node, "image_size").Text = "4096";
        Assert.Equal(EditorKind.Hex, Field(node, "image_identifier").Kind);
        Assert.Equal("0202090341424306" + "00001000", Hex(node.ToData()));
    }

    [Fact]
    public void A_nested_array_of_a_structure_adds_and_removes_items_of_its_declared_type()
    {
        // Register activation add_mask: register_act_mask {mask_name octet-string, index_list array of unsigned}.
        var node = Parameter(6, 0, 2);
        var list = Field(node, "index_list");
        Assert.Equal(EditorKind.Array, list.Kind);
        Assert.Empty(list.Children);
        Assert.True(list.CanAddItem); // empty, but the schema says what an item is
        list.AddItem();
        list.AddItem();
        list.AddItem();
        (list.Children[0].Text, list.Children[1].Text, list.Children[2].Text) = ("1", "9", "3");
        list.RemoveItem(1);
        Assert.Equal(["[0]", "[1]"], list.Children.Select(c => c.Label));
        Field(node, "mask_name").Text = "01";
        Assert.Equal("02020901010102" + "11011103", Hex(node.ToData()));
    }

    [Fact]
    public void An_empty_array_attribute_of_structures_grows_with_typed_date_time_items()
    {
        // Push setup (class 40 v2) communication_window: array of window_element {start_time, end_time date-time}.
        var schema = Catalog.Find(40, 2)!;
        var type = Catalog.TypeOf(schema.Attribute(4))!;
        Assert.Equal("array of CommunicationWindow", type.Name);
        var node = ValueNode.FromType(CosemData.Array(), "communication_window", type);
        node.AddItem();
        var window = node.Children[0];
        Assert.Equal(["start_time", "end_time"], window.Children.Select(c => c.Label));
        window.Children[0].DateTime!.Time = "08:00:00";
        window.Children[1].DateTime!.Time = "18:30:00";
        window.Children[1].DateTime!.Deviation = "-60";
        Assert.Equal("0101" + "0202"
            + "090C" + "FFFFFFFFFF" + "080000FF" + "8000" + "FF"
            + "090C" + "FFFFFFFFFF" + "121E00FF" + "FFC4" + "FF", Hex(node.ToData()));
    }

    [Fact]
    public void A_structure_attribute_read_gets_field_names_and_enumeration_choices()
    {
        // send_destination_and_method {transport_service enum, destination octet-string, message enum}.
        var schema = Catalog.Find(40, 2)!;
        var value = CosemData.Structure(CosemData.Enum(0), CosemData.OctetString("127.0.0.1:4061"u8), CosemData.Enum(0));
        var node = ValueNode.FromType(value, "send_destination_and_method", Catalog.TypeOf(schema.Attribute(3))!);
        var transport = Field(node, "transport_service");
        Assert.Equal(EditorKind.Enum, transport.Kind);
        Assert.Contains(transport.Names!.Values, v => v.Value == "udp");
        transport.Text = "1";
        Assert.Equal("0203" + "1601" + "090E" + Convert.ToHexString("127.0.0.1:4061"u8) + "1600", Hex(node.ToData()));
    }

    [Fact]
    public void A_meter_value_of_another_shape_keeps_its_own_types()
    {
        // A meter that sends a two-field structure where the schema declares three: the editor writes back its shape.
        var schema = Catalog.Find(40, 2)!;
        var value = CosemData.Structure(CosemData.FromUInt8(1), CosemData.FromUInt8(2));
        var node = ValueNode.FromType(value, "send_destination_and_method", Catalog.TypeOf(schema.Attribute(3))!);
        Assert.Equal(["[0]", "[1]"], node.Children.Select(c => c.Label));
        Assert.Equal(Hex(value), Hex(node.ToData()));
    }

    [Fact]
    public void Data_fields_and_unknown_types_are_edited_as_hex_axdr()
    {
        // push_protection_parameters item: {protection_type enum, protection_options data}.
        var item = Catalog.NamedType("PushProtectionParameters")!;
        var node = ValueNode.FromType(item.DefaultValue(), "item", item);
        var options = Field(node, "protection_options");
        Assert.Equal(EditorKind.Hex, options.Kind);
        Assert.Equal("00", options.Text); // null-data
        options.Text = "0201 0900";
        Assert.Equal("0202" + "1601" + "02010900", Hex(node.ToData()));

        var unknown = MeterSession.ParameterEditor(new MemberSchema(1, "mine", "NoSchemaDefinesThis", null, null, null), Catalog);
        Assert.Equal(EditorKind.Hex, unknown.Kind);
        unknown.Text = "1200FF";
        Assert.Equal("1200FF", Hex(unknown.ToData()));
    }

    [Fact]
    public void A_structure_switches_to_hex_axdr_and_back()
    {
        var node = Parameter(18, 0, 1);
        Field(node, "image_size").Text = "7";
        node.EditAsAxdr();
        Assert.Equal("020209000600000007", node.AxdrEditor!.Text);
        node.AxdrEditor.Text = "0202090101" + "0600000008";
        Assert.Equal("02020901010600000008", Hex(node.ToData()));
        node.EditTyped();
        Assert.Null(node.AxdrEditor);
        Assert.Equal("8", Field(node, "image_size").Text);
        Assert.Equal("01", Field(node, "image_identifier").Text);

        node.EditAsAxdr();
        node.AxdrEditor!.Text = "1100"; // an unsigned, not the structure this parameter is
        Assert.Throws<ValueFormatException>(node.EditTyped);
        Assert.NotNull(node.AxdrEditor);
    }

    [Fact]
    public void Simple_parameters_keep_their_schema_default()
    {
        var node = Parameter(70, 1, 1); // remote_disconnect (integer, default 0)
        Assert.Equal(EditorKind.Number, node.Kind);
        Assert.Equal("0F00", Hex(node.ToData()));
        var clock = Parameter(8, 0, 5); // preset_adjusting_time: three date-times
        Assert.Equal(["preset_time", "validity_interval_start", "validity_interval_end"], clock.Children.Select(c => c.Label));
        Assert.All(clock.Children, c => Assert.Equal(EditorKind.DateTime, c.Kind));
    }

    [Fact]
    public void Every_method_parameter_of_every_sdk_class_gets_an_editor_that_encodes()
    {
        foreach (var schema in Catalog.Classes)
        {
            foreach (var method in schema.Methods)
            {
                var node = MeterSession.ParameterEditor(method, Catalog);
                var data = node.ToData(); // the defaults are valid values of the type
                Assert.False(node.Kind == EditorKind.Hex && method.Type is not ("octet-string" or "data") && Catalog.TypeOf(method) is { IsOpaque: false },
                    $"{schema.Name}.{method.Name} ({method.Type}) fell back to hex");
                Assert.NotNull(Hex(data));
            }
        }
    }
}
