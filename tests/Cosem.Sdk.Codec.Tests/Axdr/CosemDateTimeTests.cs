using Cosem.Sdk.Axdr;
using Cosem.Sdk.Codec.Tests.Acse;

namespace Cosem.Sdk.Codec.Tests.Axdr;

public class CosemDateTimeTests
{
    // Kaifa MA309 capture published in UtilitechAS/amsreader-firmware issue #809, taken at 2024-06-15 20:23:45+02:00:
    // date-time 07E8 06 0F 06 14 17 2D 00 FF88 80 = Saturday 20:23:45.00, deviation -120, daylight saving active.
    private const string KaifaCapture = "07E8 06 0F 06 14 17 2D 00 FF88 80";

    [Fact]
    public void Published_meter_vector_decodes_with_blue_book_deviation_sign()
    {
        var value = new CosemDateTime(HexText.Bytes(KaifaCapture));

        Assert.Equal(2024, value.Year);
        Assert.Equal(6, value.Month);
        Assert.Equal(15, value.DayOfMonth);
        Assert.Equal(DayOfWeek.Saturday, value.DayOfWeek);
        Assert.Equal(20, value.Hour);
        Assert.Equal(23, value.Minute);
        Assert.Equal(45, value.Second);
        Assert.Equal(0, value.Hundredths);
        Assert.Equal(-120, value.Deviation);
        Assert.Equal(TimeSpan.FromHours(2), value.UtcOffset);
        Assert.Equal(ClockStatus.DaylightSavingActive, value.ClockStatus);

        var instant = value.ToDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2024, 6, 15, 20, 23, 45, TimeSpan.FromHours(2)), instant);
        Assert.Equal(new DateTime(2024, 6, 15, 18, 23, 45, DateTimeKind.Utc), instant.UtcDateTime);
        Assert.Equal("2024-06-15T20:23:45.00+02:00 Sat [DaylightSavingActive]", value.ToString());
    }

    [Fact]
    public void From_DateTimeOffset_produces_the_published_bytes()
    {
        var value = CosemDateTime.From(new DateTimeOffset(2024, 6, 15, 20, 23, 45, TimeSpan.FromHours(2)), ClockStatus.DaylightSavingActive);
        var bytes = new byte[CosemDateTime.Length];
        value.CopyTo(bytes);
        Assert.Equal(HexText.Bytes(KaifaCapture), bytes);
    }

    [Fact]
    public void Unspecified_deviation_vector_gives_wall_clock_only()
    {
        // u9n/dlms-cosem test_datetime_from_bytes: 07E2 02 0C 05 00 00 00 00 8000 00 = 2018-02-12 00:00, no deviation.
        // Its day of week (5) does not match the date (a Monday): conversions must not cross-check it.
        var value = new CosemDateTime(HexText.Bytes("07E2 02 0C 05 00 00 00 00 8000 00"));
        Assert.Null(value.Deviation);
        Assert.Equal(ClockStatus.None, value.ClockStatus);
        Assert.False(value.TryToDateTimeOffset(out _));
        Assert.True(value.TryToLocalDateTime(out var local));
        Assert.Equal(new DateTime(2018, 2, 12), local);
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
        var error = Assert.Throws<CosemEncodingException>(() => value.ToDateTimeOffset());
        Assert.Equal("date-time", error.Field);

        var zone = TimeZoneInfo.CreateCustomTimeZone("Test+1", TimeSpan.FromHours(1), "Test+1", "Test+1");
        Assert.Equal(new DateTimeOffset(2018, 2, 12, 0, 0, 0, TimeSpan.FromHours(1)), value.ToDateTimeOffset(zone));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(60, -60)]      // UTC+1: deviation -60
    [InlineData(-300, 300)]    // UTC-5: deviation +300
    [InlineData(330, -330)]    // UTC+5:30
    [InlineData(840, -840)]    // UTC+14
    public void Deviation_is_minus_the_iso_offset(int offsetMinutes, int expectedDeviation)
    {
        var source = new DateTimeOffset(2023, 3, 26, 1, 59, 59, 990, TimeSpan.FromMinutes(offsetMinutes));
        var value = CosemDateTime.From(source);
        Assert.Equal(expectedDeviation, value.Deviation);
        Assert.Equal(source, value.ToDateTimeOffset());
        Assert.Equal(99, value.Hundredths);
    }

    [Fact]
    public void Time_zone_conversion_sets_the_daylight_saving_flag()
    {
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
        var cet = TimeZoneInfo.CreateCustomTimeZone("CET-test", TimeSpan.FromHours(1), "CET", "CET", "CEST", [rule]);

        var summer = CosemDateTime.From(new DateTimeOffset(2024, 6, 15, 18, 23, 45, TimeSpan.Zero), cet);
        Assert.Equal(HexText.Bytes(KaifaCapture), ToBytes(summer));

        var winter = CosemDateTime.From(new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.Zero), cet);
        Assert.Equal(-60, winter.Deviation);
        Assert.Equal(ClockStatus.None, winter.ClockStatus);
        Assert.Equal(13, winter.Hour);
    }

    [Fact]
    public void FromDateTime_follows_the_kind()
    {
        var utc = CosemDateTime.FromDateTime(new DateTime(2022, 11, 24, 12, 0, 0, DateTimeKind.Utc));
        Assert.Equal(0, utc.Deviation);
        var wall = CosemDateTime.FromDateTime(new DateTime(2022, 11, 24, 12, 0, 0, DateTimeKind.Unspecified));
        Assert.Null(wall.Deviation);
        Assert.Equal(DayOfWeek.Thursday, wall.DayOfWeek);
        Assert.Equal(4, wall.Date.RawDayOfWeek);
    }

    [Fact]
    public void Unspecified_is_all_wildcards_and_prints_stars()
    {
        var value = CosemDateTime.Unspecified;
        Assert.Equal(HexText.Bytes("FFFF FF FF FF FF FF FF FF 8000 FF"), ToBytes(value));
        Assert.Null(value.Year);
        Assert.Null(value.Month);
        Assert.Null(value.DayOfMonth);
        Assert.Null(value.DayOfWeek);
        Assert.Null(value.Hour);
        Assert.Null(value.ClockStatus);
        Assert.False(value.TryToDateTimeOffset(out _));
        Assert.Equal("****-**-**T**:**:**.**", value.ToString());
        Assert.Throws<CosemEncodingException>(() => value.ToDateTimeOffset());
    }

    [Fact]
    public void Special_month_and_day_values_are_kept_and_named()
    {
        // A DST switch-over point as in the Clock's daylight_savings_begin attribute (Blue Book clock IC 8):
        // every year, month "DST begin" (0xFE), last day of month (0xFE), any day of week, 02:00.
        var value = new CosemDateTime(HexText.Bytes("FFFF FE FE 07 02 00 00 00 8000 FF"));
        Assert.True(value.Date.IsDaylightSavingsBeginMonth);
        Assert.True(value.Date.IsLastDayOfMonth);
        Assert.Null(value.Month);
        Assert.Null(value.DayOfMonth);
        Assert.Equal(DayOfWeek.Sunday, value.DayOfWeek);
        Assert.Equal("****-dst-begin-lastT02:00:00.00 Sun", value.ToString());
        Assert.False(value.TryToLocalDateTime(out _));
        Assert.Equal(HexText.Bytes("FFFF FE FE 07 02 00 00 00 8000 FF"), ToBytes(value));
    }

    [Theory]
    [InlineData("07E8 02 FE FF", 2024, 2, 29)]   // last day of a leap February
    [InlineData("07E7 02 FE FF", 2023, 2, 28)]
    [InlineData("07E7 02 FD FF", 2023, 2, 27)]   // second last day
    [InlineData("07E7 0C 1F 07", 2023, 12, 31)]
    public void Last_day_markers_resolve_when_year_and_month_are_known(string hex, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), new CosemDate(HexText.Bytes(hex)).ToDateOnly());
    }

    [Theory]
    [InlineData("07E7 02 1E FF")] // 30 February
    [InlineData("FFFF 02 01 FF")] // any year
    [InlineData("07E7 0D 01 FF")] // month 13
    [InlineData("07E7 FE 01 FF")] // DST begin month
    [InlineData("07E7 01 00 FF")] // day 0
    public void Undefined_dates_do_not_convert(string hex)
    {
        var date = new CosemDate(HexText.Bytes(hex));
        Assert.False(date.TryToDateOnly(out _));
        Assert.Throws<CosemEncodingException>(() => date.ToDateOnly());
    }

    [Fact]
    public void Reserved_values_print_as_hex()
    {
        var value = new CosemDateTime(HexText.Bytes("07E8 E0 20 09 18 3C 3C 64 0000 70"));
        Assert.Equal("2024-#E0-#20T#18:#3C:#3C.#64+00:00 #09 [112]", value.ToString());
    }

    [Fact]
    public void Time_with_unspecified_hundredths_converts_as_zero()
    {
        var time = new CosemTime(HexText.Bytes("0C 1E 00 FF"));
        Assert.Equal(new TimeOnly(12, 30, 0), time.ToTimeOnly());
        Assert.Equal("12:30:00.**", time.ToString());
        Assert.Null(time.Hundredths);
        Assert.False(new CosemTime(HexText.Bytes("FF 1E 00 00")).TryToTimeOnly(out _));
        Assert.Equal(CosemTime.From(new TimeOnly(23, 59, 59, 999)), new CosemTime(23, 59, 59, 99));
    }

    [Fact]
    public void Reader_accepts_octet_string_and_tagged_forms()
    {
        // 09 0C <12 bytes>, then 19 <12 bytes> (date-time [25]), 09 05 date, 1A date [26], 09 04 time, 1B time [27]
        var bytes = HexText.Bytes("09 0C " + KaifaCapture + " 19 " + KaifaCapture + " 09 05 07E8060F06 1A 07E8060F06 09 04 14172D00 1B 14172D00");
        var reader = new AxdrReader(bytes);
        var expected = new CosemDateTime(HexText.Bytes(KaifaCapture));
        Assert.Equal(expected, reader.ReadDateTime());
        Assert.Equal(expected, reader.ReadDateTime());
        Assert.Equal(expected.Date, reader.ReadDate());
        Assert.Equal(expected.Date, reader.ReadDate());
        Assert.Equal(expected.Time, reader.ReadTime());
        Assert.Equal(expected.Time, reader.ReadTime());
        reader.EnsureAtEnd();
    }

    [Fact]
    public void Writer_emits_octet_string_tagged_and_raw_forms()
    {
        var value = new CosemDateTime(HexText.Bytes(KaifaCapture));
        var buffer = new byte[128];
        var writer = new AxdrWriter(buffer);
        writer.WriteDateTime(value);
        writer.WriteDateTimeTagged(value);
        writer.WriteDate(value.Date);
        writer.WriteDateTagged(value.Date);
        writer.WriteTime(value.Time);
        writer.WriteTimeTagged(value.Time);
        writer.WriteRawDateTime(value);
        writer.WriteRawDate(value.Date);
        writer.WriteRawTime(value.Time);
        Assert.Equal(
            "090C" + KaifaCapture.Replace(" ", "") + "19" + KaifaCapture.Replace(" ", "") +
            "090507E8060F06" + "1A07E8060F06" + "090414172D00" + "1B14172D00" +
            KaifaCapture.Replace(" ", "") + "07E8060F06" + "14172D00",
            Convert.ToHexString(writer.WrittenSpan));

        var reader = new AxdrReader(writer.WrittenSpan[^21..]);
        Assert.Equal(value, reader.ReadRawDateTime());
        Assert.Equal(value.Date, reader.ReadRawDate());
        Assert.Equal(value.Time, reader.ReadRawTime());
    }

    [Theory]
    [InlineData("09 0B 07E8060F0614172D00FF88", 1)]      // octet-string of 11: the length is wrong
    [InlineData("09 0D 07E8060F0614172D00FF888000", 1)]  // octet-string of 13: the length is wrong
    [InlineData("06 00000000", 0)]                       // wrong type
    [InlineData("09 0C 07E8060F0614", 2)]               // truncated: the twelve bytes start at 2
    [InlineData("19 07E8060F", 1)]                       // truncated tagged: the twelve bytes start at 1
    [InlineData("", 0)]                                  // nothing: the tag is missing
    public void Reader_refuses_malformed_date_times(string hex, int offset)
    {
        var bytes = HexText.Bytes(hex);
        var error = Assert.Throws<CosemEncodingException>(() => new AxdrReader(bytes).ReadDateTime());
        Assert.Equal(offset, error.Offset);
        Assert.Equal("date-time", error.Field);
    }

    [Fact]
    public void Reader_refuses_wrong_date_and_time_lengths()
    {
        Assert.Throws<CosemEncodingException>(() => new AxdrReader(HexText.Bytes("09 04 07E8060F")).ReadDate());
        Assert.Throws<CosemEncodingException>(() => new AxdrReader(HexText.Bytes("09 05 14172D0000")).ReadTime());
        Assert.Throws<CosemEncodingException>(() => new AxdrReader(HexText.Bytes("1B 14172D00")).ReadDate());
    }

    [Fact]
    public void Equality_is_bytewise()
    {
        var a = new CosemDateTime(HexText.Bytes(KaifaCapture));
        var b = new CosemDateTime(HexText.Bytes(KaifaCapture));
        var c = a.WithClockStatus(null);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.Equal(0xFF, c.RawClockStatus);
        Assert.Equal(120, a.WithDeviation(120).Deviation);
        Assert.Null(a.WithDeviation(null).Deviation);
    }

    private static byte[] ToBytes(CosemDateTime value)
    {
        var bytes = new byte[CosemDateTime.Length];
        value.CopyTo(bytes);
        return bytes;
    }
}
