using BenchmarkDotNet.Attributes;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Benchmarks;

/// <summary>
/// A profile-generic buffer of 10,000 rows, each structure { date-time as octet-string(12), 4 × double-long-unsigned }
/// (the usual 15-minute load profile shape). Figures are per row.
/// </summary>
[MemoryDiagnoser]
public partial class ProfileBufferBenchmarks
{
    private const int RowCount = 10_000;

    private byte[] _encoded = [];
    private byte[] _copy = [];
    private byte[] _output = [];
    private LoadProfileRow[] _rows = [];
    private EncodedBufferSession _session = null!;

    private static readonly Apdu.CosemAttributeDescriptor Buffer = new(7, new Obis.ObisCode(1, 0, 99, 1, 0, 255), 2);

    [GlobalSetup]
    public void Setup()
    {
        _rows = new LoadProfileRow[RowCount];
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));
        for (int i = 0; i < RowCount; i++)
        {
            var time = CosemDateTime.From(start.AddMinutes(15 * i));
            _rows[i] = new LoadProfileRow(time, (uint)(1000 + i), (uint)(2000 + 2 * i), (uint)(3 * i), (uint)(7 * i));
        }
        // array header (4) + rows × (structure header 2 + date-time 14 + 4 × 5)
        _output = new byte[4 + RowCount * 36];
        _encoded = new byte[_output.Length];
        EncodeTypedRows();
        _output.CopyTo(_encoded, 0);
        _copy = new byte[_encoded.Length];
        _session = new EncodedBufferSession(_encoded);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RowCount)]
    public void CopyBaseline() => _encoded.AsSpan().CopyTo(_copy);

    [Benchmark(OperationsPerInvoke = RowCount)]
    public int DecodeTypedRows()
    {
        var reader = new AxdrReader(_encoded);
        int count = reader.ReadArrayHeader();
        var rows = _rows;
        if (count > rows.Length)
        {
            throw new InvalidOperationException("Buffer larger than the result array.");
        }
        for (int i = 0; i < count; i++)
        {
            reader.ReadStructureHeader(5);
            var time = reader.ReadDateTime();
            uint v1 = reader.ReadUInt32();
            uint v2 = reader.ReadUInt32();
            uint v3 = reader.ReadUInt32();
            uint v4 = reader.ReadUInt32();
            rows[i] = new LoadProfileRow(time, v1, v2, v3, v4);
        }
        reader.EnsureAtEnd();
        return count;
    }

    /// <summary>The public typed path: <see cref="Objects.ProfileRowReader"/> (what the generated ReadAllAsync calls) over a
    /// session that hands it the encoded buffer; counts the rows it yields.</summary>
    [Benchmark(OperationsPerInvoke = RowCount)]
    public int DecodeTypedRowsThroughReader()
    {
        var rows = Objects.ProfileRowReader.ReadAsync(_session, Buffer, null, LoadProfileRow.Decode).GetAsyncEnumerator();
        int count = 0;
        while (Await(rows.MoveNextAsync()))
        {
            count++;
        }
        rows.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return count;
    }

    // What await does: a result already there is taken as is, without a Task.
    private static bool Await(ValueTask<bool> next) => next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = RowCount)]
    public CosemData DecodeUntyped()
    {
        var reader = new AxdrReader(_encoded);
        return CosemData.Decode(ref reader);
    }

    [Benchmark(OperationsPerInvoke = RowCount)]
    public int EncodeTypedRows()
    {
        var writer = new AxdrWriter(_output);
        var rows = _rows;
        writer.WriteArrayHeader(rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            ref readonly var row = ref rows[i];
            writer.WriteStructureHeader(5);
            writer.WriteDateTime(row.Time);
            writer.WriteUInt32(row.Value1);
            writer.WriteUInt32(row.Value2);
            writer.WriteUInt32(row.Value3);
            writer.WriteUInt32(row.Value4);
        }
        return writer.BytesWritten;
    }
}
