using System.Net.Sockets;
using System.Text;
using Cosem.Sdk;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Client;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Transport;

namespace Cosem.Studio.Meters;

/// <summary>
/// Failures in words for the page: a refused attribute names its data-access-result ("read-write denied"), an
/// unreachable meter says so, a refused association says why. Messages come from the SDK, which keeps secrets out.
/// </summary>
public static class ErrorText
{
    /// <summary>One sentence for <paramref name="exception"/> raised talking to <paramref name="where"/>.</summary>
    public static string Describe(Exception exception, string where)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // An association failure first: a refused reply_to_HLS inside it says less than the association's message.
        if (Find<CosemAssociationException>(exception) is { } association)
        {
            return $"the meter at {where} refused the association: {association.Message}";
        }
        if (Find<CosemServiceException>(exception) is { } refused)
        {
            return refused.DataAccessResult is { } data ? $"refused: {Words(data)}"
                : refused.ActionResult is { } action ? $"refused: {Words(action)}" : refused.Message;
        }
        if (exception is CosemTimeoutException || Find<CosemTransportException>(exception) is { Kind: TransportErrorKind.Timeout })
        {
            return $"the meter at {where} did not answer in time.";
        }
        if (Find<SocketException>(exception) is { } socket)
        {
            return $"cannot connect to {where}: {socket.Message}";
        }
        if (Find<CosemTransportException>(exception) is { Kind: TransportErrorKind.OpeningFailed } opening)
        {
            return $"cannot connect to {where}: {opening.Message}";
        }
        return exception.Message;
    }

    /// <summary>A data-access-result in words: <c>ReadWriteDenied</c> → "read-write denied (3)".</summary>
    public static string Words(DataAccessResult result) => $"{Spaced(result.ToString())} ({(int)result})";

    /// <summary>An action-result in words, as <see cref="Words(DataAccessResult)"/>.</summary>
    public static string Words(ActionResult result) => $"{Spaced(result.ToString())} ({(int)result})";

    /// <summary>PascalCase to lower-case words, keeping the Blue Book's "read-write" hyphen.</summary>
    public static string Spaced(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append(' ');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString().Replace("read write", "read-write", StringComparison.Ordinal);
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }
        return null;
    }
}
