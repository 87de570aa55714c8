using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using Cosem.Sdk.Objects;
using Cosem.Sdk.Security;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport.Pipes;
using Cosem.Sdk.Transport.Wrapper;

namespace Cosem.Sdk.Tests.Server;

/// <summary>Requests while an HLS association is pending (issue 12 item 3); the transport-independent part.</summary>
public sealed class IdleStateTests
{
    private const ushort HlsClient = 3;
    private const string ReplyToHls = "C301C1000F0000280000FF010109100102030405060708090A0B0C0D0E0F10";
    private const string GetHlsLogicalName = "C001C1000F0000280003FF0100";

    private static async Task<(CosemServer Server, RawClient Client)> StartAsync()
    {
        var device = new LogicalDevice(1)
        {
            new AssociationLnServer(new ObisCode(0, 0, 40, 0, 3, 255), HlsClient)
            {
                Authentication = AssociationAuthentication.High(HlsMechanism.Md5, "0123456789ABCDEF"u8),
            },
        };
        var server = new CosemServer(device);
        var (a, b) = InMemoryDuplexPipe.CreatePair();
        server.Serve(WrapperChannel.CreateServer(b));
        await server.StartAsync();
        return (server, new RawClient(WrapperChannel.CreateClient(a, new WrapperOptions { ClientWPort = HlsClient, ServerWPort = 1 })));
    }

    private static byte[] HlsAarq() => ServerHarness.Aarq("ABCDEFGHIJKLMNOP", mechanism: MechanismName.HighMd5);

    [Fact]
    public async Task A_failed_aarq_while_hls_is_pending_leaves_the_pending_association()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        await using var __ = client;
        var pending = await client.AssociateAsync(HlsAarq());
        Assert.Equal(AssociationResult.Accepted, pending.Result);
        Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync(GetHlsLogicalName))); // pending: only the HLS reply passes

        var refused = await client.AssociateAsync(ServerHarness.Aarq("12345678"));

        Assert.Equal(AcseServiceUserDiagnostic.AuthenticationMechanismNameNotRecognized, refused.ResultSourceDiagnostic.ServiceUserDiagnostic);
        Assert.Null(refused.UserInformation);
        // Still pending: the reply is served (and, being wrong, fails and ends the association), not refused outright.
        var reply = await client.RequestAsync(ReplyToHls);
        Assert.Equal((byte)ApduTag.ActionResponse, reply[0]);
        Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync(ReplyToHls)));
    }

    [Fact]
    public async Task An_accepted_aarq_while_hls_is_pending_replaces_the_pending_association()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        await using var __ = client;
        var first = await client.AssociateAsync(HlsAarq());

        var second = await client.AssociateAsync(HlsAarq());

        Assert.Equal(AssociationResult.Accepted, second.Result);
        Assert.False(first.RespondingAuthenticationValue!.Value.Span.SequenceEqual(second.RespondingAuthenticationValue!.Value.Span));
        Assert.Equal((byte)ApduTag.ActionResponse, (await client.RequestAsync(ReplyToHls))[0]);
    }

    [Fact]
    public async Task An_unconfirmed_request_while_hls_is_pending_gets_no_answer()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        await using var __ = client;
        await client.AssociateAsync(HlsAarq());

        await client.SendAsync("C1018100010000600100FF0200120000");

        Assert.Equal("D80101", Convert.ToHexString(await client.RequestAsync(GetHlsLogicalName)));
    }
}
