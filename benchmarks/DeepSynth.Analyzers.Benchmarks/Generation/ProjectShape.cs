namespace DeepSynth.Analyzers.Benchmarks.Generation;

/// <summary>What a generated project looks like: how many files, and which share of them uses an AI SDK.</summary>
public sealed record ProjectShape(int Files, double AiShare = 0.2, int Seed = 42);

/// <summary>One generated source file.</summary>
public sealed record GeneratedFile(string Path, string Text, bool UsesAi);
