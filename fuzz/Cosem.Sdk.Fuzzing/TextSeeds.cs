using System.Security.Cryptography;
using System.Text;
using Cosem.Sdk.Translation;

namespace Cosem.Sdk.Fuzzing;

/// <summary>Seeds for the translator-text target: what the translator writes for each binary seed it can read.</summary>
public static class TextSeeds
{
    /// <summary>Writes the XML and the JSON of every decodable file in <paramref name="source"/> into <paramref name="destination"/>.</summary>
    public static int Write(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        var written = 0;
        foreach (var file in Directory.EnumerateFiles(source).Order())
        {
            var bytes = File.ReadAllBytes(file);
            try
            {
                Save(PduTranslator.Default.ToXml(bytes));
                Save(PduTranslator.Default.ToJson(bytes));
            }
            catch (CosemException)
            {
                // Not an APDU the translator reads: no text to seed with.
            }
        }
        Console.WriteLine($"translator-text: {written} seeds");
        return 0;

        void Save(string text)
        {
            var data = Encoding.UTF8.GetBytes(text);
            if (data.Length <= 8192)
            {
                File.WriteAllBytes(Path.Combine(destination, "seed-" + Convert.ToHexString(SHA1.HashData(data))[..16].ToLowerInvariant()), data);
                written++;
            }
        }
    }
}
