namespace Cosem.Sdk.Fuzzing;

/// <summary>
/// A failure the SDK did not throw itself but that a target detected: a hang, an allocation out of proportion to
/// the input, or an inconsistency between two SDK paths. Deliberately not a CosemException, so it counts as a crash.
/// </summary>
public sealed class FuzzFinding(string message, Exception? inner = null) : Exception(message, inner);
