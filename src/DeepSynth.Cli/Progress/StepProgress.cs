using System;
using System.IO;
using System.Threading.Tasks;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DeepSynth.Cli.Progress
{
    /// <summary>
    /// The long steps of check, baseline and fix (restore, load, analyse, fix), shown as they run: one line per step with
    /// what it is doing, a bar, how many of how many are done and the elapsed time. Shown only on a terminal; when standard
    /// error is redirected (a pipeline, a log file, a test) nothing is written, so logs hold the report and no progress or
    /// ANSI codes.
    /// </summary>
    internal interface IStepProgress
    {
        /// <summary>Starts a step of <paramref name="total"/> items (0 when the count is not known).</summary>
        ProgressStep Start(string description, int total);
    }

    /// <summary>One step under way; disposing it marks it done.</summary>
    internal abstract class ProgressStep : IDisposable
    {
        /// <summary>One more item is done; <paramref name="description"/> says what the step does now.</summary>
        public abstract void Advance(string? description = null);

        /// <summary>Says what the step does now, without counting an item.</summary>
        public abstract void Describe(string description);

        public abstract void Dispose();
    }

    internal static class StepProgress
    {
        /// <summary>Shows nothing.</summary>
        public static readonly IStepProgress Silent = new SilentProgress();

        /// <summary>
        /// Runs <paramref name="work"/> with progress on the terminal when <paramref name="error"/> is the process's standard
        /// error and that is a terminal; with <see cref="Silent"/> otherwise.
        /// </summary>
        public static Task<T> RunAsync<T>(TextWriter error, Func<IStepProgress, Task<T>> work)
        {
            if (!IsTerminal(error))
            {
                return work(Silent);
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            return console.Profile.Capabilities.Interactive ? RunAsync(console, work) : work(Silent);
        }

        /// <summary>Standard error of this process, not redirected, on a terminal that can redraw a line.</summary>
        internal static bool IsTerminal(TextWriter error) =>
            ReferenceEquals(error, Console.Error)
            && !Console.IsErrorRedirected
            && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

        /// <summary>Runs <paramref name="work"/> with its steps drawn on <paramref name="console"/>.</summary>
        internal static async Task<T> RunAsync<T>(IAnsiConsole console, Func<IStepProgress, Task<T>> work)
        {
            var result = default(T)!;
            await console.Progress()
                .AutoClear(false)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new CountColumn(), new ElapsedTimeColumn())
                .StartAsync(async context => result = await work(new SpectreProgress(context)).ConfigureAwait(false))
                .ConfigureAwait(false);
            return result;
        }

        private sealed class SilentProgress : IStepProgress
        {
            public ProgressStep Start(string description, int total) => new SilentStep();
        }

        private sealed class SilentStep : ProgressStep
        {
            public override void Advance(string? description = null)
            {
            }

            public override void Describe(string description)
            {
            }

            public override void Dispose()
            {
            }
        }

        private sealed class SpectreProgress : IStepProgress
        {
            private readonly ProgressContext _context;

            public SpectreProgress(ProgressContext context) => _context = context;

            public ProgressStep Start(string description, int total)
            {
                var task = _context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1));
                task.IsIndeterminate = total == 0;
                return new SpectreStep(task);
            }
        }

        private sealed class SpectreStep : ProgressStep
        {
            private readonly ProgressTask _task;

            public SpectreStep(ProgressTask task) => _task = task;

            public override void Advance(string? description = null)
            {
                if (_task.Value + 1 > _task.MaxValue)
                {
                    // More items than expected (a project loaded with one that references it): the total grows.
                    _task.MaxValue = _task.Value + 1;
                }

                _task.Increment(1);
                if (description != null)
                {
                    Describe(description);
                }
            }

            public override void Describe(string description) => _task.Description = Markup.Escape(description);

            public override void Dispose()
            {
                _task.IsIndeterminate = false;
                _task.Value = _task.MaxValue;
                _task.StopTask();
            }
        }

        /// <summary>"2/5": items done of the step's total.</summary>
        private sealed class CountColumn : ProgressColumn
        {
            public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
                task.IsIndeterminate ? Text.Empty : new Text($"{task.Value:0}/{task.MaxValue:0}", new Style(Color.Grey));
        }
    }
}
