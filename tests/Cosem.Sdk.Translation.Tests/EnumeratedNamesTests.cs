namespace Cosem.Sdk.Translation.Tests;

// The names the translator showed when they were still listed as strings in the grammar: deriving them from the
// typed enums must not change one character of the XML or JSON.
public class EnumeratedNamesTests
{
    public static TheoryData<string, string> Tables => new()
    {
        { nameof(EnumeratedNames.DataAccessResults), "0 success|1 hardware-fault|2 temporary-failure|3 read-write-denied|4 object-undefined|9 object-class-inconsistent|11 object-unavailable|12 type-unmatched|13 scope-of-access-violated|14 data-block-unavailable|15 long-get-aborted|16 no-long-get-in-progress|17 long-set-aborted|18 no-long-set-in-progress|19 data-block-number-invalid|250 other-reason" },
        { nameof(EnumeratedNames.ActionResults), "0 success|1 hardware-fault|2 temporary-failure|3 read-write-denied|4 object-undefined|9 object-class-inconsistent|11 object-unavailable|12 type-unmatched|13 scope-of-access-violated|14 data-block-unavailable|15 long-action-aborted|16 no-long-action-in-progress|250 other-reason" },
        { nameof(EnumeratedNames.ExceptionStateErrors), "1 service-not-allowed|2 service-unknown" },
        { nameof(EnumeratedNames.ApplicationReferenceErrors), "0 other|1 time-elapsed|2 application-unreachable|3 application-reference-invalid|4 application-context-unsupported|5 provider-communication-error|6 deciphering-error" },
        { nameof(EnumeratedNames.HardwareResourceErrors), "0 other|1 memory-unavailable|2 processor-resource-unavailable|3 mass-storage-unavailable|4 other-resource-unavailable" },
        { nameof(EnumeratedNames.VdeStateErrors), "0 other|1 no-dlms-context|2 loading-data-set|3 status-nochange|4 status-inoperable" },
        { nameof(EnumeratedNames.ServiceErrors), "0 other|1 pdu-size|2 service-unsupported" },
        { nameof(EnumeratedNames.DefinitionErrors), "0 other|1 object-undefined|2 object-class-inconsistent|3 object-attribute-inconsistent" },
        { nameof(EnumeratedNames.AccessErrors), "0 other|1 scope-of-access-violated|2 object-access-invalid|3 hardware-fault|4 object-unavailable" },
        { nameof(EnumeratedNames.InitiateErrors), "0 other|1 dlms-version-too-low|2 incompatible-conformance|3 pdu-size-too-short|4 refused-by-the-VDE-Handler" },
        { nameof(EnumeratedNames.LoadDataSetErrors), "0 other|1 primitive-out-of-sequence|2 not-loadable|3 dataset-size-too-large|4 not-awaited-segment|5 interpretation-failure|6 storage-failure|7 data-set-not-ready" },
        { nameof(EnumeratedNames.TaskErrors), "0 other|1 no-remote-control|2 ti-stopped|3 ti-running|4 ti-unusable" },
        { nameof(EnumeratedNames.KeyIds), "0 global-unicast-encryption-key|1 global-broadcast-encryption-key" },
        { nameof(EnumeratedNames.KekIds), "0 master-key" },
        { nameof(EnumeratedNames.AssociationResults), "0 accepted|1 rejected-permanent|2 rejected-transient" },
        { nameof(EnumeratedNames.AcseServiceUserDiagnostics), "0 null|1 no-reason-given|2 application-context-name-not-supported|3 calling-AP-title-not-recognized|4 calling-AP-invocation-identifier-not-recognized|5 calling-AE-qualifier-not-recognized|6 calling-AE-invocation-identifier-not-recognized|7 called-AP-title-not-recognized|8 called-AP-invocation-identifier-not-recognized|9 called-AE-qualifier-not-recognized|10 called-AE-invocation-identifier-not-recognized|11 authentication-mechanism-name-not-recognised|12 authentication-mechanism-name-required|13 authentication-failure|14 authentication-required" },
        { nameof(EnumeratedNames.AcseServiceProviderDiagnostics), "0 null|1 no-reason-given|2 no-common-acse-version" },
        { nameof(EnumeratedNames.ReleaseRequestReasons), "0 normal|1 urgent|30 user-defined" },
        { nameof(EnumeratedNames.ReleaseResponseReasons), "0 normal|1 not-finished|30 user-defined" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Names_derived_from_the_enums_are_the_names_the_grammar_listed(string table, string expected)
    {
        var names = (IReadOnlyDictionary<long, string>)typeof(EnumeratedNames).GetProperty(table)!.GetValue(null)!;
        Assert.Equal(expected, string.Join("|", names.Select(pair => $"{pair.Key} {pair.Value}")));
    }
}
