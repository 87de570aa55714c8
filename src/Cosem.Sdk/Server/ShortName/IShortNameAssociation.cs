namespace Cosem.Sdk.Server;

/// <summary>
/// An association object that admits its client with SN referencing (Association SN, class 12): it names the
/// objects of the logical device with base names. The built-in implementation is
/// <c>Cosem.Sdk.Objects.AssociationSnServer</c>; the server core sees only this contract.
/// </summary>
internal interface IShortNameAssociation : IAssociationObject
{
    /// <summary>The base names of <paramref name="device"/>'s objects as this association gives them.</summary>
    ShortNameTable GetShortNames(LogicalDevice device);
}
