using BenchmarkDotNet.Running;

namespace Cosem.Sdk.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["probe-get", ..])
        {
            GetPathProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
                dedicatedThread: args is [_, _, "thread"]).GetAwaiter().GetResult();
            return;
        }
        if (args is ["probe-gbt-server", ..])
        {
            BlockTransferProbeServer.ServeAsync(plain: args is [_, "plain"]).GetAwaiter().GetResult();
            return;
        }
        if (args is ["probe-gbt", ..])
        {
            BlockTransferProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10)
                .GetAwaiter().GetResult();
            return;
        }
        if (args is ["probe-profile-read", ..])
        {
            ProfileReadProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100)
                .GetAwaiter().GetResult();
            return;
        }
        if (args is ["probe-association", ..])
        {
            AssociationProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000)
                .GetAwaiter().GetResult();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
