namespace Cosem.Sdk.Translation.Grammar;

/// <summary>One alternative of a CHOICE: its tag byte, element name and body.</summary>
internal sealed record Alternative(byte Tag, string Name, GrammarNode Body);
