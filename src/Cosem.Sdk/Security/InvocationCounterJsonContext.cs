using System.Text.Json.Serialization;

namespace Cosem.Sdk.Security;

/// <summary>
/// Source-generated JSON metadata for the counter file (<see cref="FileInvocationCounterStore"/>), so reading and
/// writing it needs no reflection and works in trimmed and native AOT applications.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, ulong>))]
internal sealed partial class InvocationCounterJsonContext : JsonSerializerContext;
