using System.Text;
using Cosem.Sdk.Generators.Model;
using Cosem.Sdk.Generators.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace Cosem.Sdk.Fuzzing.Targets;

/// <summary>
/// The generator's schema parser (<see cref="SchemaParser.Parse"/>) on arbitrary text. It promises never to throw
/// for bad input (bad input becomes diagnostics), so any exception at all is a finding, typed or not.
/// </summary>
public sealed class SchemaTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "schema";

    /// <inheritdoc />
    public int MaxLength => 16384;

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        var text = SourceText.From(Encoding.UTF8.GetString(input));
        try
        {
            _ = SchemaParser.Parse("fuzz.cosem.xml", text, new SchemaFileOptions(false, null), CancellationToken.None);
        }
        catch (Exception ex)
        {
            throw new FuzzFinding("schema: the parser threw instead of reporting a diagnostic", ex);
        }
    }
}
