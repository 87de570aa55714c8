using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cosem.Sdk.Generators.Helpers;

/// <summary>
/// A position in a schema file (1-based line and column, as <see cref="System.Xml.IXmlLineInfo"/> reports them).
/// Plain values, so a model that remembers where something was declared stays equatable.
/// </summary>
internal readonly record struct LocationInfo(string FilePath, int Line, int Column)
{
    public Location ToLocation()
    {
        var start = new LinePosition(Line > 0 ? Line - 1 : 0, Column > 0 ? Column - 1 : 0);
        return Location.Create(FilePath, default, new LinePositionSpan(start, start));
    }
}
