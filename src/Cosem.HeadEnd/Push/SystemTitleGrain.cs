namespace Cosem.HeadEnd.Push;

/// <summary>Keeps one system title's meter in persistent state (storage <see cref="Hosting.HeadEndStorage.Name"/>).</summary>
internal sealed class SystemTitleGrain(
    [PersistentState("systemTitle", Hosting.HeadEndStorage.Name)] IPersistentState<SystemTitleState> state)
    : Grain, ISystemTitleGrain
{
    public async Task AssignAsync(string meterId)
    {
        if (state.State.MeterId == meterId)
        {
            return;
        }
        state.State.MeterId = meterId;
        await state.WriteStateAsync();
    }

    public Task<string?> GetMeterIdAsync() => Task.FromResult(state.State.MeterId);
}

/// <summary>The persisted part of <see cref="SystemTitleGrain"/>.</summary>
[GenerateSerializer, Alias("Cosem.HeadEnd.SystemTitleState")]
internal sealed class SystemTitleState
{
    [Id(0)]
    public string? MeterId { get; set; }
}
