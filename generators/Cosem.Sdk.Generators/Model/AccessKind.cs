namespace Cosem.Sdk.Generators.Model;

/// <summary>Default attribute access in a schema file; values match Cosem.Sdk.ObjectModel.AttributeAccess.</summary>
internal enum AttributeAccessKind
{
    None = 0,
    Read = 1,
    Write = 2,
    ReadWrite = 3,
    AuthenticatedRead = 4,
    AuthenticatedWrite = 5,
    AuthenticatedReadWrite = 6,
}

/// <summary>Default method access in a schema file; values match Cosem.Sdk.ObjectModel.MethodAccess.</summary>
internal enum MethodAccessKind
{
    None = 0,
    Execute = 1,
    AuthenticatedExecute = 2,
}
