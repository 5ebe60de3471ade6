using System;
using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using DeepSynth.Analyzers.Configuration;
using DeepSynth.Analyzers.Labels;
using DeepSynth.Analyzers.Rules;
using DeepSynth.Labels;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers
{
    /// <summary>
    /// DSYN010: a constant label text for generated content lacks the AI element ("人工智能" or "AI") or the generation
    /// element ("生成"/"合成") that GB 45438 requires. Label texts are the SDK's: the <c>Text</c> of the text and image
    /// label options (in code, in <c>AddDeepSynthCompliance</c>'s lambda, in object initializers), <c>LabelText.Parse</c>,
    /// the configuration keys <c>DeepSynth:Label:Text</c> and <c>DeepSynth:Image:Text</c> (appsettings*.json, in-memory
    /// settings), and <c>labelText</c> in deepsynth.json. The SDK rejects such a text at start-up; this says so at the text.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LabelTextAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The corrected label text, for the code fix.</summary>
        public const string CorrectedProperty = "DeepSynth.CorrectedText";

        private const string TextLabelOptions = "DeepSynth.Compliance.Labeling.TextLabelOptions";
        private const string ImageLabelOptions = "DeepSynth.Compliance.Imaging.ImageLabelOptions";
        private const string LabelText = "DeepSynth.Compliance.Labeling.LabelText";

        /// <summary>The keys the SDK's options bind label texts from (section "DeepSynth").</summary>
        private static readonly Func<string, string?> LabelKeys = SettingPairs.ConfigurationKeys("DeepSynth:Label:Text", "DeepSynth:Image:Text");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleDescriptors.ReportedBy(RuleReporter.LabelTextAnalyzer);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            context.RegisterAdditionalFileAction(OnManifest);
            var compilation = context.Compilation;
            var options = new[] { TypeResolver.For(compilation).Resolve(TextLabelOptions), TypeResolver.For(compilation).Resolve(ImageLabelOptions) }
                .Where(t => t != null).Cast<INamedTypeSymbol>().ToImmutableArray();
            if (options.IsEmpty)
            {
                return;
            }

            var labelText = TypeResolver.For(compilation).Resolve(LabelText);
            context.RegisterAdditionalFileAction(OnSettingsFile);
            var candidates = new LabelTextCandidates(compilation);
            context.RegisterOperationBlockStartAction(block =>
            {
                // Only code that can set a label text gets the per-operation callbacks: most trees name neither the
                // options nor a label key, and a callback on every call of every body is most of this analyzer's cost.
                if (!candidates.MayHoldLabelText(block.OperationBlocks.FirstOrDefault()?.Syntax.SyntaxTree, block.CancellationToken))
                {
                    return;
                }

                block.RegisterOperationAction(c => Guard.Run(() => OnAssignment(c, options)), OperationKind.SimpleAssignment);
                block.RegisterOperationAction(c => Guard.Run(() => OnCall(c, labelText)), OperationKind.Invocation, OperationKind.ObjectCreation);
            });
        }

        /// <summary><c>options.Text = "..."</c> on the label options, and <c>settings["DeepSynth:Label:Text"] = "..."</c>.</summary>
        private static void OnAssignment(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> options)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "Text", IsIndexer: false } property } &&
                options.Contains(property.ContainingType, SymbolEqualityComparer.Default))
            {
                Check(context, assignment.Value);
            }
            else if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true } && SettingPairs.Find(assignment, LabelKeys) is { } pair)
            {
                Check(context, pair.Value);
            }
        }

        /// <summary><c>LabelText.Parse("...")</c>, and label keys in settings written as pairs (<c>{ "DeepSynth:Label:Text", "..." }</c>).</summary>
        private static void OnCall(OperationAnalysisContext context, INamedTypeSymbol? labelText)
        {
            if (context.Operation is IInvocationOperation invocation && labelText != null &&
                SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, labelText) &&
                invocation.TargetMethod.Name is "Parse" or "TryParse" && invocation.Arguments.Length > 0)
            {
                Check(context, invocation.Arguments[0].Value);
                return;
            }

            if (SettingPairs.Find(context.Operation, LabelKeys) is { } pair)
            {
                Check(context, pair.Value);
            }
        }

        private static void Check(OperationAnalysisContext context, IOperation value)
        {
            if (!ConstantText.TryGet(value, out var text))
            {
                return;
            }

            var problem = LabelTextElements.Check(text);
            if (problem == LabelTextProblem.None)
            {
                return;
            }

            var literal = ConstantText.DeclaringLiteral(value, context.CancellationToken);
            context.ReportDiagnostic(Create(value.Syntax.GetLocation(), literal, text, problem));
        }

        /// <summary>appsettings*.json: DeepSynth:Label:Text and DeepSynth:Image:Text.</summary>
        private static void OnSettingsFile(AdditionalFileAnalysisContext context)
        {
            if (!SettingsFiles.IsSettingsFile(context.AdditionalFile))
            {
                return;
            }

            Guard.Run(() =>
            {
                foreach (var section in new[] { "Label", "Image" })
                {
                    if (SettingsFiles.Find(context.AdditionalFile, context.CancellationToken, "DeepSynth", section, "Text") is { } found &&
                        LabelTextElements.Check(found.Value) is var problem && problem != LabelTextProblem.None)
                    {
                        context.ReportDiagnostic(Create(found.Location, null, found.Value, problem));
                    }
                }
            });
        }

        /// <summary>deepsynth.json: labelText.</summary>
        private static void OnManifest(AdditionalFileAnalysisContext context)
        {
            if (!DeepSynthConfiguration.IsConfigurationFile(context.AdditionalFile))
            {
                return;
            }

            Guard.Run(() =>
            {
                var configuration = DeepSynthConfiguration.Load(ImmutableArray.Create(context.AdditionalFile), context.CancellationToken);
                if (configuration.Root?.Find(DeepSynth.Manifest.ManifestKeys.LabelText)?.Value is JsonString text &&
                    LabelTextElements.Check(text.Value) is var problem && problem != LabelTextProblem.None)
                {
                    context.ReportDiagnostic(Create(configuration.LocationOf(text.Span), null, text.Value, problem));
                }
            });
        }

        private static Diagnostic Create(Location location, Location? literal, string text, LabelTextProblem problem)
        {
            var corrected = LabelTextElements.Corrected(text);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(CorrectedProperty, corrected);
            return Diagnostic.Create(RuleDescriptors.LabelTextIncomplete, location, literal == null ? null : new[] { literal }, properties, text, ProblemTexts.Of(problem), corrected);
        }
    }
}
