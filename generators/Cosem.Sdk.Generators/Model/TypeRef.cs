namespace Cosem.Sdk.Generators.Model;

/// <summary>
/// A type reference as written in a schema file, before named types are resolved.
/// </summary>
/// <param name="Kind">The encoding kind.</param>
/// <param name="Name">For <see cref="AxdrKind.Named"/>, the referenced type; otherwise the enum or flags type that
/// gives an integer or bit-string its meaning (<c>enum="..."</c> / <c>flags="..."</c>), if any.</param>
/// <param name="Element">Element type of an array.</param>
/// <param name="Size">Fixed size of a string or bit-string, or 0.</param>
internal sealed record TypeRef(AxdrKind Kind, string? Name, TypeRef? Element, int Size)
{
    public static TypeRef Of(AxdrKind kind) => new(kind, null, null, 0);
}
