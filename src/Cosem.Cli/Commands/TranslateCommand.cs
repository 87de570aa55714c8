using System.CommandLine;
using System.Text;
using Cosem.Sdk;
using Cosem.Sdk.Translation;
using Cosem.Sdk.Translation.Frames;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>cosem translate</c>: APDU (or frame) bytes in hex to readable XML or JSON, and with <c>--to-hex</c> the
/// XML or JSON back to the identical bytes (<c>--format xml|json</c>, or <c>--xml</c>/<c>--json</c>). Bad input is reported on stderr with exit code 2, never a stack trace.
/// </summary>
public static class TranslateCommand
{
    /// <summary>Exit code for input that cannot be read, parsed or decoded.</summary>
    public const int BadInput = ExitCodes.Usage;

    /// <param name="stdin">Standard input; null means <see cref="Console.In"/> (tests pass their own).</param>
    /// <param name="frameCodecs">Frame codecs to try before a bare APDU; null means <see cref="StandardFrameCodecs.All"/>.</param>
    public static Command Create(TextReader? stdin = null, IEnumerable<IFrameCodec>? frameCodecs = null)
    {
        var input = new Argument<string[]>("input")
        {
            Description = "The APDU or frame in hex (spaces, newlines and 0x prefixes allowed); with --to-hex, the XML or JSON file. Omit to read stdin.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var file = new Option<FileInfo?>("--file", "-f")
        {
            Description = "Read the input from this file (hex text or raw bytes; with --to-hex, XML or JSON).",
        };
        var format = new FormatOptions("xml", "xml", "json");
        var toHex = new Option<bool>("--to-hex")
        {
            Description = "Translate XML or JSON back to the APDU bytes, printed in hex.",
        };

        var stream = new Option<bool>("--stream")
        {
            Description = "The input is a capture of several frames (HDLC or wrapper, hex lines or a binary file): join segmented HDLC " +
                "and block-transferred values and print every exchange in order.",
        };
        var keys = new DecryptionOptions(stdin);
        var command = new Command("translate",
            "Translate an xDLMS/ACSE APDU (or a frame) between bytes and readable XML/JSON; with keys, ciphered APDUs are shown decrypted under their envelope.")
        {
            input, file, toHex, stream,
        };
        foreach (var option in format.All)
        {
            command.Options.Add(option);
        }
        keys.AddTo(command);
        var codecs = frameCodecs ?? StandardFrameCodecs.All;
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var chosen = format.Resolve(parseResult);
                var translator = new PduTranslator(codecs, keys.CreateDecryptor(parseResult));
                string[] words = parseResult.GetValue(input) ?? [];
                FileInfo? path = parseResult.GetValue(file);
                if (parseResult.GetValue(toHex))
                {
                    string text = ReadText(words, path, stdin);
                    output.WriteLine(HexText.Format(FromText(translator, text)));
                }
                else if (parseResult.GetValue(stream))
                {
                    output.WriteLine(TranslateStream.Translate(ReadBytes(words, path, stdin), translator, chosen));
                }
                else
                {
                    byte[] bytes = ReadBytes(words, path, stdin);
                    output.WriteLine(chosen == "json" ? translator.ToJson(bytes) : translator.ToXml(bytes));
                }
                return 0;
            }
            catch (Exception e) when (e is CosemException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                error.WriteLine("error: " + e.Message);
                return BadInput;
            }
        });
        return command;
    }

    private static byte[] FromText(PduTranslator translator, string text)
    {
        string trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return trimmed.StartsWith('{') ? translator.FromJson(text) : translator.FromXml(text);
    }

    /// <summary>The text to translate back: a file named by --file or the argument, or stdin.</summary>
    private static string ReadText(string[] words, FileInfo? path, TextReader? stdin)
    {
        if (path is not null)
        {
            return File.ReadAllText(path.FullName);
        }
        if (words.Length == 1)
        {
            return File.ReadAllText(words[0]);
        }
        if (words.Length > 1)
        {
            throw new CosemException("--to-hex takes one XML or JSON file (or stdin).");
        }
        return ReadStdin(stdin);
    }

    /// <summary>The bytes to translate: hex words, a file of hex text (or raw bytes), or hex on stdin.</summary>
    private static byte[] ReadBytes(string[] words, FileInfo? path, TextReader? stdin)
    {
        if (path is not null)
        {
            byte[] content = File.ReadAllBytes(path.FullName);
            string asText = Encoding.Latin1.GetString(content);
            return HexText.TryParse(asText, out var fromHex) && fromHex.Length > 0 ? fromHex : content;
        }
        return ParseHex(words.Length > 0 ? string.Join(' ', words) : ReadStdin(stdin));
    }

    private static string ReadStdin(TextReader? stdin)
    {
        if (stdin is null && !Console.IsInputRedirected)
        {
            throw new CosemException("No input: give the hex, --file FILE, or pipe it into stdin.");
        }
        return (stdin ?? Console.In).ReadToEnd();
    }

    /// <summary>Hex text to bytes; a bad character is reported with its position and the byte it falls in.</summary>
    public static byte[] ParseHex(string text)
    {
        if (HexText.TryParse(text, out var bytes, out int errorIndex))
        {
            return bytes.Length > 0 ? bytes : throw new CosemException("No hex digits in the input.");
        }
        int digits = text.Take(Math.Min(errorIndex, text.Length)).Count(char.IsAsciiHexDigit);
        string what = errorIndex >= text.Length
            ? "an odd number of hex digits (the last byte is incomplete)"
            : $"'{text[errorIndex]}' is not a hex digit (character {errorIndex + 1})";
        throw new CosemException($"Bad hex at byte {digits / 2}: {what}.");
    }
}
