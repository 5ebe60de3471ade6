namespace DeepSynth.Cli.Loading
{
    /// <summary>What went wrong with one project while restoring or loading it; the rest of the solution is still analysed.</summary>
    internal sealed class LoadProblem
    {
        public LoadProblem(string stage, string? projectPath, string message)
        {
            Stage = stage;
            ProjectPath = projectPath;
            Message = message;
        }

        /// <summary>"restore" or "load".</summary>
        public string Stage { get; }

        /// <summary>The project file concerned, when known.</summary>
        public string? ProjectPath { get; }

        public string Message { get; }

        public override string ToString() => ProjectPath == null ? $"{Stage}: {Message}" : $"{Stage} {ProjectPath}: {Message}";
    }
}
