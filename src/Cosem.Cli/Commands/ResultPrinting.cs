using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Cosem.Sdk.Axdr;

namespace Cosem.Cli.Commands;

/// <summary>The one-result output of <c>write</c> and <c>invoke</c> in the three formats.</summary>
internal static class ResultPrinting
{
    public static void Print(TextWriter output, string format, string operation, string target, string? refusal, CosemData? returned)
    {
        switch (format)
        {
            case "json":
                var node = new JsonObject { ["operation"] = operation, ["target"] = target, ["result"] = refusal ?? "Success" };
                if (returned is { } value)
                {
                    node["returned"] = DataFormatting.ToJson(value);
                }
                output.WriteLine(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                break;
            case "xml":
                var element = new XElement(operation, new XAttribute("target", target), new XAttribute("result", refusal ?? "Success"));
                if (returned is { } data)
                {
                    element.Add(new XElement("returned", DataFormatting.ToXml(data)));
                }
                output.WriteLine(element.ToString());
                break;
            default:
                output.WriteLine(refusal is null
                    ? $"{target}: {operation} done{(returned is { } shown ? ", returned " + DataFormatting.ToCell(shown) : "")}"
                    : $"{target}: {operation} refused: {refusal}");
                break;
        }
    }
}
