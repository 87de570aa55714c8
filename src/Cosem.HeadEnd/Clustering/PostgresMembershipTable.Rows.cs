using System.Globalization;
using System.Text;
using Npgsql;
using Orleans.Runtime;

namespace Cosem.HeadEnd.Clustering;

/// <summary>The mapping between a <see cref="MembershipEntry"/> and its row: plain columns a DBA can read, the
/// suspicion votes as lines of "address time".</summary>
internal sealed partial class PostgresMembershipTable
{
    private void AddEntryParameters(NpgsqlCommand command, MembershipEntry entry)
    {
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("address", entry.SiloAddress.ToParsableString());
        command.Parameters.AddWithValue("status", (int)entry.Status);
        command.Parameters.AddWithValue("suspects", FormatSuspects(entry.SuspectTimes));
        command.Parameters.AddWithValue("proxy", entry.ProxyPort);
        command.Parameters.AddWithValue("host", (object?)entry.HostName ?? DBNull.Value);
        command.Parameters.AddWithValue("silo", (object?)entry.SiloName ?? DBNull.Value);
        command.Parameters.AddWithValue("role", (object?)entry.RoleName ?? DBNull.Value);
        command.Parameters.AddWithValue("update_zone", entry.UpdateZone);
        command.Parameters.AddWithValue("fault_zone", entry.FaultZone);
        command.Parameters.AddWithValue("start", Utc(entry.StartTime));
        command.Parameters.AddWithValue("alive", Utc(entry.IAmAliveTime));
        command.Parameters.AddWithValue("etag", NewEtag());
    }

    private static MembershipEntry ReadEntry(NpgsqlDataReader reader) => new()
    {
        SiloAddress = SiloAddress.FromParsableString(reader.GetString(0)),
        Status = (SiloStatus)reader.GetInt32(1),
        SuspectTimes = ParseSuspects(reader.GetString(2)),
        ProxyPort = reader.GetInt32(3),
        HostName = reader.IsDBNull(4) ? "" : reader.GetString(4),
        SiloName = reader.IsDBNull(5) ? "" : reader.GetString(5),
        RoleName = reader.IsDBNull(6) ? null : reader.GetString(6),
        UpdateZone = reader.GetInt32(7),
        FaultZone = reader.GetInt32(8),
        StartTime = reader.GetFieldValue<DateTime>(9),
        IAmAliveTime = reader.GetFieldValue<DateTime>(10),
    };

    private static string FormatSuspects(List<Tuple<SiloAddress, DateTime>>? suspects)
    {
        if (suspects is null || suspects.Count == 0)
        {
            return "";
        }
        var text = new StringBuilder();
        foreach (var (silo, time) in suspects)
        {
            text.Append(silo.ToParsableString()).Append(' ').Append(Utc(time).ToString("O", CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    private static List<Tuple<SiloAddress, DateTime>> ParseSuspects(string text)
    {
        var suspects = new List<Tuple<SiloAddress, DateTime>>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.LastIndexOf(' ');
            suspects.Add(Tuple.Create(
                SiloAddress.FromParsableString(line[..space]),
                DateTime.Parse(line[(space + 1)..], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }
        return suspects;
    }
}
