using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cosem.Sdk.Generators.Tests.Support;

/// <summary>An additional file held in memory, as the compiler hands AdditionalFiles to a generator.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    /// <summary>The text as given, for tests that edit a file and replace it in the driver.</summary>
    public string Content => text;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
