using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Client;

/// <summary>
/// Matches a DataNotification body with the push_object_list that built it (Blue Book §4.4.8: the body is a
/// structure with one element per push_object_list entry, in order; a one-entry list may push its value bare).
/// </summary>
public static class PushObjectListDecoder
{
    /// <summary>
    /// The body's elements paired with <paramref name="pushObjectList"/>, or null with <paramref name="error"/> saying
    /// why they do not fit (element count, a non-structure body).
    /// </summary>
    public static IReadOnlyList<PushValue>? TryDecode(CosemData body, IReadOnlyList<PushObjectDescriptor> pushObjectList, out string? error)
    {
        ArgumentNullException.ThrowIfNull(pushObjectList);
        error = null;
        if (pushObjectList.Count == 0)
        {
            error = "The push_object_list is empty.";
            return null;
        }
        if (body.Type == DataType.Structure && body.Count == pushObjectList.Count)
        {
            var values = new PushValue[pushObjectList.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = new PushValue(pushObjectList[i], body[i]);
            }
            return values;
        }
        if (pushObjectList.Count == 1)
        {
            return [new PushValue(pushObjectList[0], body)];
        }
        error = body.Type == DataType.Structure
            ? $"The body has {body.Count} elements; the push_object_list has {pushObjectList.Count} entries."
            : $"The body is a single {body.Type}; the push_object_list has {pushObjectList.Count} entries.";
        return null;
    }
}
