namespace Cosem.Sdk.Apdu;

/// <summary>protocol-version BIT STRING {version1 (0)} of AARQ/AARE; absent means version1.</summary>
[Flags]
public enum AcseProtocolVersion : uint
{
    None = 0,
    Version1 = 1 << 0,
}
