using BenchmarkDotNet.Running;
using DeepSynth.Analyzers.Benchmarks;
using DeepSynth.Analyzers.Benchmarks.Generation;
using DeepSynth.Analyzers.Benchmarks.Measurement;

// Verbs (see benchmarks/README.md):
//   generate <files> <directory> [aiShare]  write a generated project for real `dotnet build` comparisons
//   report [runs]                            whole-project scaling and per-document sweeps, printed as Markdown tables
//   scaling [runs] | documents [count] | worst [runs] [shape]   one part of the report
//   once [files] [aiShare] [runs]            one row of the whole-project table (quick check while working)
//   profile [files|shape] [runs]             whole-project (or worst-case shape at size 800) analysis in a loop, for a profiler
//   anything else                            BenchmarkDotNet (e.g. --filter *CompilationBenchmarks*)
switch (args.FirstOrDefault())
{
    case "generate" when args.Length >= 3:
        var share = args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 0.2;
        ProjectGenerator.WriteProject(new ProjectShape(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), share), args[2], RepositoryRoot());
        Console.WriteLine($"Wrote {args[1]} files to {args[2]}");
        return 0;
    case "report":
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        ScalingReport.Print(Console.Out, runs);
        DocumentSweep.Print(Console.Out, files: 1000, documentsPerKind: 40);
        ScalingReport.PrintWorstCases(Console.Out, runs);
        return 0;
    case "once":
        ScalingReport.PrintOne(
            Console.Out,
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000,
            args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0.2,
            args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 3);
        return 0;
    case "scaling":
        ScalingReport.Print(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
        return 0;
    case "worst":
        ScalingReport.PrintWorstCases(
            Console.Out,
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3,
            args.Length > 2 ? Enum.Parse<WorstCases.Shape>(args[2]) : null);
        return 0;
    case "documents":
        DocumentSweep.Print(Console.Out, files: 1000, documentsPerKind: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
        return 0;
    case "profile":
        // A steady loop for dotnet-trace / dotnet-counters: whole-project analysis of one size, repeated.
        // Enum.TryParse accepts any number ("1000" parses as an undefined shape): only a shape's name picks a shape.
        var profiled = args.Length > 1 && !char.IsDigit(args[1][0]) && Enum.TryParse<WorstCases.Shape>(args[1], out var worstShape)
            ? GeneratedCompilation.FromFiles(args[1], WorstCases.Generate(worstShape, 800))
            : GeneratedCompilation.For(new ProjectShape(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000));
        for (var i = 0; i < (args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3); i++)
        {
            GeneratedCompilation.Analyze(profiled.NewCompilation(), GeneratedCompilation.DeepSynthAnalyzers);
        }

        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(CompilationBenchmarks).Assembly).Run(args);
        return 0;
}

static string RepositoryRoot() => DeepSynth.TestSupport.RepositoryPaths.Root;
