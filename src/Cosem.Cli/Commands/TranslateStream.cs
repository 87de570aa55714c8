using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Cosem.Sdk;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Translation;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>cosem translate --stream</c>: every exchange of a capture in order. Each APDU (segmented HDLC joined) is
/// translated like a single one (decrypted under its envelope when keys are given, AARQ/AARE user-information
/// included); a value sent in blocks (GET, SET, ACTION) is also shown once whole, after its last block.
/// </summary>
internal static class TranslateStream
{
    public static string Translate(byte[] capture, PduTranslator translator, string format)
    {
        var entries = new List<(int Index, CapturedApdu? Apdu, string? Link, PduElement? Tree, string? Problem, byte[]? Reassembled)>();
        var blocks = new Dictionary<string, List<byte>>();
        var index = 0;
        foreach (var (apdu, link) in CaptureReader.Read(capture))
        {
            index++;
            if (apdu is null)
            {
                entries.Add((index, null, link, null, null, null));
                continue;
            }
            PduElement? tree = null;
            string? problem = null;
            try
            {
                tree = translator.Decode(apdu.Apdu);
            }
            catch (CosemException e)
            {
                problem = e.Message;
            }
            entries.Add((index, apdu, null, tree, problem, Reassemble(apdu, blocks)));
        }
        return format == "json" ? ToJson(entries) : ToXml(entries);
    }

    /// <summary>Collects block-transferred data per service and direction; returns it whole after the last block.</summary>
    private static byte[]? Reassemble(CapturedApdu captured, Dictionary<string, List<byte>> blocks)
    {
        Apdu decoded;
        try
        {
            decoded = ApduDecoder.Decode(captured.Apdu);
        }
        catch (CosemException)
        {
            return null;
        }
        var (service, data, first, last) = decoded switch
        {
            GetResponseWithDataBlock get when get.Block.HasRawData => ("get", get.Block.RawData, get.Block.BlockNumber == 1, get.Block.LastBlock),
            SetRequestWithFirstDataBlock set => ("set", set.DataBlock.RawData, true, set.DataBlock.LastBlock),
            SetRequestWithDataBlock set => ("set", set.DataBlock.RawData, false, set.DataBlock.LastBlock),
            ActionResponseWithPBlock action => ("action-response", action.PBlock.RawData, action.PBlock.BlockNumber == 1, action.PBlock.LastBlock),
            ActionRequestWithFirstPBlock action => ("action-request", action.PBlock.RawData, true, action.PBlock.LastBlock),
            ActionRequestWithPBlock action => ("action-request", action.PBlock.RawData, false, action.PBlock.LastBlock),
            _ => (null, default(ReadOnlyMemory<byte>), false, false),
        };
        if (service is null)
        {
            return null;
        }
        if (first || !blocks.TryGetValue(service, out var held))
        {
            blocks[service] = held = [];
        }
        held.AddRange(data.ToArray());
        if (!last)
        {
            return null;
        }
        blocks.Remove(service);
        return [.. held];
    }

    private static CosemData? AsData(byte[] bytes)
    {
        try
        {
            var reader = new AxdrReader(bytes);
            var value = CosemData.Decode(ref reader);
            return reader.IsAtEnd ? value : null;
        }
        catch (CosemEncodingException)
        {
            return null;
        }
    }

    private static string ToXml(IEnumerable<(int Index, CapturedApdu? Apdu, string? Link, PduElement? Tree, string? Problem, byte[]? Reassembled)> entries)
    {
        var root = new XElement("Capture");
        foreach (var entry in entries)
        {
            if (entry.Apdu is not { } apdu)
            {
                root.Add(new XElement("LinkFrame", new XAttribute("index", entry.Index), new XAttribute("frame", entry.Link!)));
                continue;
            }
            var element = new XElement("Exchange", new XAttribute("index", entry.Index), new XAttribute("direction", apdu.Direction),
                new XAttribute("transport", apdu.Transport), new XAttribute("frames", apdu.Frames));
            element.Add(entry.Tree is { } tree
                ? XElement.Parse(PduXml.Write(tree))
                : new XElement("Undecodable", new XAttribute("value", Convert.ToHexString(apdu.Apdu)), new XAttribute("error", entry.Problem!)));
            if (entry.Reassembled is { } whole)
            {
                var reassembled = new XElement("Reassembled", new XAttribute("bytes", whole.Length));
                reassembled.Add(AsData(whole) is { } data ? DataFormatting.ToXml(data) : new XAttribute("value", Convert.ToHexString(whole)));
                element.Add(reassembled);
            }
            root.Add(element);
        }
        return root.ToString();
    }

    private static string ToJson(IEnumerable<(int Index, CapturedApdu? Apdu, string? Link, PduElement? Tree, string? Problem, byte[]? Reassembled)> entries)
    {
        var array = new JsonArray();
        foreach (var entry in entries)
        {
            if (entry.Apdu is not { } apdu)
            {
                array.Add((JsonNode)new JsonObject { ["index"] = entry.Index, ["linkFrame"] = entry.Link });
                continue;
            }
            var node = new JsonObject
            {
                ["index"] = entry.Index,
                ["direction"] = apdu.Direction,
                ["transport"] = apdu.Transport,
                ["frames"] = apdu.Frames,
            };
            if (entry.Tree is { } tree)
            {
                node["apdu"] = JsonNode.Parse(PduJson.Write(tree));
            }
            else
            {
                node["undecodable"] = Convert.ToHexString(apdu.Apdu);
                node["error"] = entry.Problem;
            }
            if (entry.Reassembled is { } whole)
            {
                node["reassembled"] = AsData(whole) is { } data ? DataFormatting.ToJson(data) : Convert.ToHexString(whole);
            }
            array.Add((JsonNode)node);
        }
        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
