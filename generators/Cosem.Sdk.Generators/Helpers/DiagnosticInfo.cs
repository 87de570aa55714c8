using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cosem.Sdk.Generators.Helpers;

/// <summary>
/// A diagnostic held as plain values until the output stage: a <see cref="Diagnostic"/> is not equatable and
/// would defeat caching (the CommunityToolkit.Mvvm / System.Text.Json generator pattern).
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location.ToLocation(), Arguments.Select(static a => (object?)a).ToArray());
}
