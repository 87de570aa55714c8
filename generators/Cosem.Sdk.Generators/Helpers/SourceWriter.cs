using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Cosem.Sdk.Generators.Helpers;

/// <summary>
/// Builds generated C# text with four-space indentation. Blank lines carry no indentation, so the output has no
/// trailing whitespace (in the style of dotnet/runtime's Common/src/SourceGenerators/SourceWriter.cs).
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();

    public int Indentation { get; private set; }

    public void Indent() => Indentation++;

    public void Unindent()
    {
        if (Indentation == 0)
        {
            throw new InvalidOperationException("Unbalanced indentation.");
        }
        Indentation--;
    }

    /// <summary>Writes <c>{</c> and indents.</summary>
    public void OpenBlock(string? header = null)
    {
        if (header is not null)
        {
            WriteLine(header);
        }
        WriteLine("{");
        Indent();
    }

    /// <summary>Unindents and writes <c>}</c> followed by <paramref name="suffix"/>.</summary>
    public void CloseBlock(string suffix = "")
    {
        Unindent();
        WriteLine("}" + suffix);
    }

    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes each line of <paramref name="text"/> at the current indentation.</summary>
    public void WriteLine(string text)
    {
        int start = 0;
        while (true)
        {
            int end = text.IndexOf('\n', start);
            string line = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
            line = line.TrimEnd('\r', ' ', '\t');
            if (line.Length > 0)
            {
                _builder.Append(' ', Indentation * 4);
                _builder.Append(line);
            }
            _builder.Append('\n');
            if (end < 0)
            {
                return;
            }
            start = end + 1;
        }
    }

    public override string ToString() => _builder.ToString();

    public SourceText ToSourceText()
    {
        if (Indentation != 0)
        {
            throw new InvalidOperationException("Unbalanced indentation at the end of the generated file.");
        }
        return SourceText.From(_builder.ToString(), Encoding.UTF8);
    }
}
