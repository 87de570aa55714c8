namespace Cosem.Sdk.Client;

/// <summary>
/// The processing-option of an ACCESS request (bit 29 of Long-Invoke-Id-And-Priority, IEC 62056-5-3 §9.5): whether
/// the meter carries out the items after one that failed.
/// </summary>
public enum CosemAccessProcessing
{
    /// <summary>Every item is carried out whatever the results of the others (bit 29 = 0).</summary>
    ContinueOnError = 0,

    /// <summary>
    /// The meter stops at the first item that fails; the items after it are not carried out (bit 29 = 1). This SDK's
    /// server answers them other-reason.
    /// </summary>
    BreakOnError = 1,
}
