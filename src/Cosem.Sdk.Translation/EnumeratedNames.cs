using Cosem.Sdk.Apdu;
using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Sdk.Translation;

/// <summary>
/// The names the translator shows for ENUMERATED and named INTEGER values (result codes, service errors,
/// association results, ACSE diagnostics, release reasons, key ids), derived from the typed enums of
/// <c>Cosem.Sdk.Apdu</c> so the two codecs cannot drift apart. Each table maps the value to its ASN.1 identifier.
/// </summary>
/// <remarks>
/// A few identifiers are not the enum member name in ASN.1 spelling; those are listed as overrides next to their
/// table with the reason. The object-identifier names of AcseGrammar (application contexts and mechanisms) are not
/// here: the enums <see cref="ApplicationContextName"/> and <see cref="MechanismName"/> use short names
/// (LogicalName, Low) that do not spell the identifiers ("logical-name-referencing-no-ciphering",
/// "low-level-security").
/// </remarks>
internal static class EnumeratedNames
{
    public static IReadOnlyDictionary<long, string> DataAccessResults { get; } = Of<DataAccessResult>();

    public static IReadOnlyDictionary<long, string> ActionResults { get; } = Of<ActionResult>();

    public static IReadOnlyDictionary<long, string> ExceptionStateErrors { get; } = Of<ExceptionStateError>();

    public static IReadOnlyDictionary<long, string> ApplicationReferenceErrors { get; } = Of<ApplicationReferenceError>();

    public static IReadOnlyDictionary<long, string> HardwareResourceErrors { get; } = Of<HardwareResourceError>();

    // The ASN.1 runs "nochange" together; the enum member has two words.
    public static IReadOnlyDictionary<long, string> VdeStateErrors { get; } =
        Of((VdeStateError.StatusNoChange, "status-nochange"));

    public static IReadOnlyDictionary<long, string> ServiceErrors { get; } = Of<ServiceError>();

    public static IReadOnlyDictionary<long, string> DefinitionErrors { get; } = Of<DefinitionError>();

    // Value 2 has always been shown as "object-access-invalid"; the enum names it ObjectAccessViolated.
    public static IReadOnlyDictionary<long, string> AccessErrors { get; } =
        Of((AccessError.ObjectAccessViolated, "object-access-invalid"));

    // The ASN.1 keeps the capitals of "VDE-Handler".
    public static IReadOnlyDictionary<long, string> InitiateErrors { get; } =
        Of((InitiateError.RefusedByTheVdeHandler, "refused-by-the-VDE-Handler"));

    // The ASN.1 writes "dataset" as one word in value 3 but "data-set" in value 7; the enum says DataSet in both.
    public static IReadOnlyDictionary<long, string> LoadDataSetErrors { get; } =
        Of((LoadDataSetError.DataSetSizeTooLarge, "dataset-size-too-large"));

    public static IReadOnlyDictionary<long, string> TaskErrors { get; } = Of<TaskError>();

    public static IReadOnlyDictionary<long, string> KeyIds { get; } = Of<KeyId>();

    public static IReadOnlyDictionary<long, string> KekIds { get; } = Of<KekId>();

    public static IReadOnlyDictionary<long, string> AssociationResults { get; } = Of<AssociationResult>();

    // ISO/IEC 8650-1 spells this one "recognised" (the others "recognized"); the enum spells all of them with z.
    public static IReadOnlyDictionary<long, string> AcseServiceUserDiagnostics { get; } =
        Of((AcseServiceUserDiagnostic.AuthenticationMechanismNameNotRecognized, "authentication-mechanism-name-not-recognised"));

    public static IReadOnlyDictionary<long, string> AcseServiceProviderDiagnostics { get; } = Of<AcseServiceProviderDiagnostic>();

    public static IReadOnlyDictionary<long, string> ReleaseRequestReasons { get; } = Of<ReleaseRequestReason>();

    public static IReadOnlyDictionary<long, string> ReleaseResponseReasons { get; } = Of<ReleaseResponseReason>();

    // Every member of TEnum by its derived identifier, except the members spelled differently.
    private static Dictionary<long, string> Of<TEnum>(params (TEnum Member, string Name)[] spelledDifferently)
        where TEnum : struct, Enum
    {
        var names = EnumIdentifiers<TEnum>.ByValue.ToDictionary(pair => pair.Key, pair => pair.Value);
        foreach (var (member, name) in spelledDifferently)
        {
            names[EnumIdentifiers<TEnum>.ValueOf(member)] = name;
        }
        return names;
    }
}
