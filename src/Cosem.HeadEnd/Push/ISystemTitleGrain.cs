namespace Cosem.HeadEnd.Push;

/// <summary>The index from a system title (the grain key, 16 upper-case hex digits) to the meter that uses it,
/// kept by the meter grain when it is configured.</summary>
[Alias("Cosem.HeadEnd.ISystemTitleGrain")]
public interface ISystemTitleGrain : IGrainWithStringKey
{
    /// <summary>Records that <paramref name="meterId"/> pushes under this system title.</summary>
    [Alias("Assign")]
    Task AssignAsync(string meterId);

    /// <summary>The meter pushing under this system title, or null.</summary>
    [Alias("GetMeter")]
    Task<string?> GetMeterIdAsync();
}
