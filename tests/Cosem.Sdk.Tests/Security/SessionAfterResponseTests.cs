using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;
using Cosem.Sdk.Tests.Server;

namespace Cosem.Sdk.Tests.Security;

/// <summary>ServerRequestContext.AfterResponse: work a handler defers until its response has gone out.</summary>
public class SessionAfterResponseTests
{
    private static readonly ObisCode DeferName = new(0, 0, 96, 2, 0, 255);

    [Fact]
    public async Task An_after_response_action_runs_only_once_the_response_is_sent()
    {
        var deferring = new DeferringObject(DeferName);
        await using var harness = new ServerHarness();
        harness.Device.Add(deferring);
        await using var client = await harness.ConnectAsync(client: 1);
        await client.AssociateAsync(ServerHarness.Aarq("12345678"));

        // The action waits for the test, which lets it go only after the response arrived: an action run before
        // sending would hold the response back and the request would time out.
        var response = await client.RequestAsync<ActionResponseNormal>(Invoke(1));
        Assert.Equal(ActionResult.Success, response.Response.Result);
        Assert.False(deferring.Ran.Task.IsCompleted);
        deferring.Release.SetResult();
        await deferring.Ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_failing_after_response_action_costs_neither_the_response_nor_the_session()
    {
        var deferring = new DeferringObject(DeferName);
        await using var harness = new ServerHarness();
        harness.Device.Add(deferring);
        await using var client = await harness.ConnectAsync(client: 1);
        await client.AssociateAsync(ServerHarness.Aarq("12345678"));

        var first = await client.RequestAsync<ActionResponseNormal>(Invoke(2));
        Assert.Equal(ActionResult.Success, first.Response.Result);
        deferring.Release.SetResult();
        var second = await client.RequestAsync<ActionResponseNormal>(Invoke(1));
        Assert.Equal(ActionResult.Success, second.Response.Result);
        await deferring.Ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static ActionRequestNormal Invoke(sbyte method) =>
        new(new InvokeIdAndPriority(1, true, true), new CosemMethodDescriptor(1, DeferName, method), null);

    /// <summary>Method 1 defers an action that waits for <see cref="Release"/>; method 2 defers one that throws.</summary>
    private sealed class DeferringObject(ObisCode logicalName) : CosemObject(logicalName)
    {
        private static readonly CosemAttributeInfo[] s_attributes = [new(1, "logical_name", AttributeAccess.Read, true, 0x00)];
        private static readonly CosemMethodInfo[] s_methods = [new(1, "defer", MethodAccess.Access, 0x08), new(2, "defer_failure", MethodAccess.Access, 0x10)];

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ushort ClassId => 1;

        public override byte Version => 0;

        public override IReadOnlyList<CosemAttributeInfo> Attributes => s_attributes;

        public override IReadOnlyList<CosemMethodInfo> Methods => s_methods;

        protected override ValueTask<DataAccessResult> ReadAttributeCoreAsync(int index, SelectiveAccessDescriptor? access, RequestContext context,
            IBufferWriter<byte> output, CancellationToken cancellationToken) => new(DataAccessResult.ObjectUndefined);

        protected override ValueTask<DataAccessResult> WriteAttributeCoreAsync(int index, ReadOnlyMemory<byte> value, RequestContext context,
            CancellationToken cancellationToken) => new(DataAccessResult.ReadWriteDenied);

        protected override ValueTask<ActionResult> InvokeMethodCoreAsync(int index, ReadOnlyMemory<byte> parameter, RequestContext context,
            IBufferWriter<byte> output, CancellationToken cancellationToken)
        {
            var server = Assert.IsType<ServerRequestContext>(context);
            server.AfterResponse(index == 1
                ? async () =>
                {
                    await Release.Task.ConfigureAwait(false);
                    Ran.TrySetResult();
                }
                : () => throw new InvalidOperationException("A deferred action that fails."));
            return new(ActionResult.Success);
        }
    }
}
