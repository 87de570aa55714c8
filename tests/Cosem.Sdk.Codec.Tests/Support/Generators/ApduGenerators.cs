using CsCheck;

namespace Cosem.Sdk.Codec.Tests.Support.Generators;

/// <summary>Every APDU family, for the properties that range over all of them.</summary>
internal static class ApduGenerators
{
    public static readonly (string Family, Gen<Cosem.Sdk.Apdu.Apdu> Gen)[] Families =
    [
        ("get", GetSetActionGenerators.Get),
        ("set", GetSetActionGenerators.Set),
        ("action", GetSetActionGenerators.Action),
        ("notification", ServiceGenerators.Notification),
        ("access", ServiceGenerators.Access),
        ("exception", ServiceGenerators.Exception),
        ("confirmed-service-error", ServiceGenerators.ConfirmedServiceErrorGen),
        ("general-block-transfer", ServiceGenerators.BlockTransfer),
        ("short-name", ShortNameGenerators.ShortName),
        ("ciphered", CipheredGenerators.Ciphered),
        ("initiate", AcseGenerators.Initiate),
        ("acse", AcseGenerators.Acse),
    ];

    public static readonly Gen<Cosem.Sdk.Apdu.Apdu> Any = Gen.OneOf(Families.Select(f => f.Gen).ToArray());
}
