using BenchmarkDotNet.Running;
using DeepSynth.Compliance.Benchmarks;

if (args.Length > 0 && args[0] == "audit-interleaved")
{
    AuditAppendInterleaved.Run(args.Length > 1 ? int.Parse(args[1]) : 7, args.Length > 2 ? int.Parse(args[2]) : 500);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
