using DeepSynth.Cli.Progress;

namespace DeepSynth.Cli.Tests.Solutions;

/// <summary>Records what the long steps report (one line per start, description and item), for tests that read it.</summary>
internal sealed class RecordedProgress : IStepProgress
{
    private readonly List<string> _lines = new();

    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join("\n", _lines);
        }
    }

    public ProgressStep Start(string description, int total)
    {
        Add($"start {description} (0/{total})");
        return new Step(this);
    }

    private void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }

    private sealed class Step : ProgressStep
    {
        private readonly RecordedProgress _owner;
        private int _done;

        public Step(RecordedProgress owner) => _owner = owner;

        public override void Advance(string? description = null) => _owner.Add($"done {Interlocked.Increment(ref _done)}: {description}");

        public override void Describe(string description) => _owner.Add(description);

        public override void Dispose() => _owner.Add("end");
    }
}
