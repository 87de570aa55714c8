using Cosem.Sdk.Ber;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// A-RELEASE request, RLRQ [APPLICATION 2] (IEC 62056-5-3 §9, ISO/IEC 8650-1): an optional reason and optional
/// user-information (a ciphered InitiateRequest when the association used ciphering).
/// </summary>
public sealed class RlrqApdu : AcseApdu
{
    private static readonly BerTag RlrqTag = BerTag.Application(2, isConstructed: true);

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.Rlrq;

    /// <summary>reason [0] IMPLICIT Release-request-reason OPTIONAL.</summary>
    public ReleaseRequestReason? Reason { get; init; }

    /// <summary>The InitiateRequest in user-information, when present and not ciphered.</summary>
    public InitiateRequest? InitiateRequest => UserInformationApdu as InitiateRequest;

    /// <inheritdoc/>
    public override void Encode(ref BerWriter writer)
    {
        writer.StartConstructed(RlrqTag);
        if (Reason is { } reason)
        {
            writer.WriteInteger((int)reason, BerTag.Context(0));
        }
        WriteUserInformation(ref writer);
        writer.EndConstructed();
    }

    /// <summary>Decodes a whole RLRQ. Every failure is a <see cref="CosemEncodingException"/>.</summary>
    public static RlrqApdu Decode(ReadOnlyMemory<byte> apdu)
    {
        var fields = ReleaseFields.Decode(apdu, RlrqTag, "RLRQ");
        var rlrq = new RlrqApdu { Reason = (ReleaseRequestReason?)fields.Reason };
        rlrq.SetUserInformation(fields.UserInformation);
        return rlrq;
    }

    /// <summary>Short diagnostic text: the release reason and whether user-information is present; for logs.</summary>
    public override string ToString() => $"RLRQ({(Reason is { } r ? r.ToString() : "no reason")}{(UserInformation.HasValue ? ", user-information" : "")})";

    /// <summary>The fields RLRQ and RLRE share: reason [0] and user-information [30].</summary>
    internal readonly record struct ReleaseFields(int? Reason, DecodedUserInformation? UserInformation)
    {
        public static ReleaseFields Decode(ReadOnlyMemory<byte> apdu, BerTag apduTag, string name)
        {
            var outer = new BerReader(apdu.Span);
            var body = outer.ReadConstructed(apduTag, name);
            outer.EnsureAtEnd(name);
            int? reason = null;
            DecodedUserInformation? userInformation = null;
            ulong seen = 0;
            while (!body.IsAtEnd)
            {
                int at = body.AbsolutePosition;
                var tag = body.PeekTag(name + " field");
                if (tag.Class != BerTagClass.ContextSpecific)
                {
                    body.Skip(name + " field");
                    continue;
                }
                AcseEncoding.MarkSeen(ref seen, tag, at, name);
                switch (tag.Number)
                {
                    case 0 when !tag.IsConstructed:
                        reason = ReadReason(body.ReadPrimitive(tag, "reason"), at);
                        break;
                    case 30:
                        userInformation = ReadUserInformation(ref body, apdu);
                        break;
                    default:
                        body.Skip(name + " field");
                        break;
                }
            }
            return new ReleaseFields(reason, userInformation);
        }

        private static int? ReadReason(ReadOnlySpan<byte> contents, int at)
        {
            // Liberal, as meters are: an empty reason (80 00) means none, and some old meters wrap the value in a
            // universal INTEGER (80 03 02 01 00).
            if (contents.IsEmpty)
            {
                return null;
            }
            if (contents.Length == 3 && contents[0] == 0x02 && contents[1] == 0x01)
            {
                contents = contents[2..];
            }
            return AcseEncoding.ToInt32(BerReader.DecodeInteger(contents, at, "reason"), at, "reason");
        }
    }
}
