using Cosem.Studio.Connections;
using Microsoft.AspNetCore.DataProtection;

namespace Cosem.Studio.Tests.Unit;

public sealed class ProfileStoreTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cosem-studio-profiles");

    private ProfileStore Store() => new(_directory.FullName,
        DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_directory.FullName, "keys"))));

    [Fact]
    public async Task Saved_secrets_are_protected_in_the_file_and_come_back()
    {
        var store = Store();
        var secrets = new ConnectionSecrets { Password = "pa55-W0RD-x", BlockCipherKey = "000102030405060708090A0B0C0D0E0F" };
        await store.SaveAsync(new ConnectionSettings { Name = "meter A", Port = 4061 }, secrets, "Print(1);");

        var file = await File.ReadAllTextAsync(store.FilePath);
        Assert.DoesNotContain("pa55-W0RD-x", file, StringComparison.Ordinal);
        Assert.DoesNotContain("000102030405060708090A0B0C0D0E0F", file, StringComparison.Ordinal);
        var saved = Assert.Single(await Store().LoadAsync());
        Assert.Equal((4061, "Print(1);"), (saved.Settings.Port, saved.Script));
        var back = Store().Unprotect(saved);
        Assert.Equal((secrets.Password, secrets.BlockCipherKey), (back.Password, back.BlockCipherKey));
    }

    [Fact]
    public async Task Without_consent_no_secret_is_saved()
    {
        var store = Store();
        await store.SaveAsync(new ConnectionSettings { Name = "meter B" }, null, null);
        Assert.Null(Assert.Single(await store.LoadAsync()).ProtectedSecrets);
    }

    [Fact]
    public async Task Saving_by_name_replaces_and_delete_removes()
    {
        var store = Store();
        await store.SaveAsync(new ConnectionSettings { Name = "m", Port = 1000 }, null, null);
        await store.SaveAsync(new ConnectionSettings { Name = "m", Port = 2000 }, null, null);
        Assert.Equal(2000, Assert.Single(await store.LoadAsync()).Settings.Port);
        await store.DeleteAsync("m");
        Assert.Empty(await store.LoadAsync());
    }

    [Fact]
    public async Task Secrets_under_lost_keys_come_back_empty_instead_of_failing()
    {
        await Store().SaveAsync(new ConnectionSettings { Name = "m" }, new ConnectionSecrets { Password = "x" }, null);
        var saved = Assert.Single(await Store().LoadAsync());
        var otherKeys = new ProfileStore(_directory.FullName, DataProtectionProvider.Create(Directory.CreateTempSubdirectory("other-keys")));
        Assert.True(otherKeys.Unprotect(saved).IsEmpty);
    }

    [Fact]
    public async Task A_script_is_saved_per_profile_keeping_its_secrets()
    {
        var store = Store();
        await store.SaveAsync(new ConnectionSettings { Name = "m" }, new ConnectionSecrets { Password = "x" }, null);
        await store.SaveScriptAsync(new ConnectionSettings { Name = "m" }, "Print(2);");
        await store.SaveScriptAsync(new ConnectionSettings { Name = "new" }, "Print(3);");
        var profiles = await store.LoadAsync();
        Assert.Equal(["m", "new"], profiles.Select(p => p.Settings.Name));
        Assert.Equal(("Print(2);", "x"), (profiles[0].Script, store.Unprotect(profiles[0]).Password));
        Assert.Null(profiles[1].ProtectedSecrets);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
