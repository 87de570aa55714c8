using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Sdk.Translation.Ber;

/// <summary>A component of an ACSE SEQUENCE: its one-byte tag (class, constructed bit and number), element name and content.</summary>
internal sealed record BerField(byte Tag, string Name, GrammarNode Content);
