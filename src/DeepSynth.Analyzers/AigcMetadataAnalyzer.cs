using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeepSynth.Analyzers.Labels;
using DeepSynth.Analyzers.Rules;
using DeepSynth.Labels;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers
{
    /// <summary>
    /// DSYN011: constant values meant as AIGC metadata break GB 45438 Annex E (the SDK's rules, <see cref="AigcFieldRules"/>):
    /// a field missing, a <c>Label</c> other than 1/2/3, a value outside printable ASCII or with a space, quote or
    /// backslash (a Chinese producer name), an empty producer or content number for generated content. Meant as metadata:
    /// passed to the SDK's metadata builder, propagation or file labeler, set as <c>ProviderCode</c> (in code, in-memory
    /// settings or appsettings*.json), parsed with <c>AigcMetadata.Parse</c>, written under an <c>AIGC</c> key (a carrier's
    /// tag, a dictionary), or any constant JSON text with an <c>AIGC</c> key, whether or not the code runs.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AigcMetadataAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The corrected constant, for the code fix: a string, or the name of an <c>AigcLabelKind</c> member.</summary>
        public const string CorrectedProperty = "DeepSynth.CorrectedValue";

        /// <summary>"text" (a string literal) or "labelKind" (an <c>AigcLabelKind</c> member).</summary>
        public const string CorrectedKindProperty = "DeepSynth.CorrectedKind";

        private const string Namespace = "DeepSynth.Compliance.Metadata.";

        /// <summary>The SDK members' parameters that take metadata values: parameter name, Annex E field, whether it must be filled.</summary>
        private static readonly ImmutableDictionary<string, (string Field, bool Required)> ValueParameters = new Dictionary<string, (string, bool)>
        {
            ["contentProducer"] = ("ContentProducer", true),
            ["providerCode"] = ("ContentProducer", true),
            ["produceId"] = ("ProduceID", true),
            ["reservedCode1"] = ("ReservedCode1", false),
            ["reservedCode2"] = ("ReservedCode2", false),
            ["propagatorCode"] = ("ContentPropagator", true),
            ["platformCode"] = ("ContentPropagator", true),
            ["propagateId"] = ("PropagateID", true),
        }.ToImmutableDictionary();

        private static readonly string[] SdkTypes =
        {
            Namespace + "AigcMetadataBuilder", Namespace + "AigcMetadata", Namespace + "AigcFileLabeler",
            "DeepSynth.Compliance.Propagation.PropagationInspector",
        };

        private static readonly Func<string, string?> ProviderKeys = SettingPairs.ConfigurationKeys("DeepSynth:ProviderCode");

        private static readonly Func<string, string?> CarrierKeys = key =>
            string.Equals(key, "AIGC", StringComparison.OrdinalIgnoreCase) || string.Equals(key, "TC260:AIGC", StringComparison.OrdinalIgnoreCase) ? "AIGC" : null;

        private static readonly string[] WritePrefixes = { "Add", "TryAdd", "Set", "Write", "Put", "Append", "Insert", "Embed", "Update" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleDescriptors.ReportedBy(RuleReporter.AigcMetadataAnalyzer);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var compilation = context.Compilation;
            var sdk = new Sdk(
                SdkTypes.Select(TypeResolver.For(compilation).Resolve).Where(t => t != null).Cast<INamedTypeSymbol>().ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default),
                TypeResolver.For(compilation).Resolve(Namespace + "AigcLabelKind"),
                TypeResolver.For(compilation).Resolve("DeepSynth.Compliance.ComplianceOptions"));

            // Constant JSON texts with an AIGC key and values written under an AIGC key are metadata with or without the SDK.
            context.RegisterOperationAction(c => Guard.Run(() => OnConstant(c)), OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary);
            context.RegisterOperationAction(c => Guard.Run(() => OnCall(c, sdk)), OperationKind.Invocation, OperationKind.ObjectCreation);
            context.RegisterOperationAction(c => Guard.Run(() => OnAssignment(c, sdk)), OperationKind.SimpleAssignment);
            if (sdk.Options != null)
            {
                context.RegisterAdditionalFileAction(OnSettingsFile);
            }
        }

        /// <summary>The SDK's types this compilation references (none when it does not reference the SDK).</summary>
        private sealed class Sdk
        {
            public Sdk(ImmutableHashSet<INamedTypeSymbol> types, INamedTypeSymbol? labelKind, INamedTypeSymbol? options)
            {
                Types = types;
                LabelKind = labelKind;
                Options = options;
            }

            public ImmutableHashSet<INamedTypeSymbol> Types { get; }

            public INamedTypeSymbol? LabelKind { get; }

            public INamedTypeSymbol? Options { get; }
        }

        /// <summary>Any whole constant text that is a JSON object with an AIGC key.</summary>
        private static void OnConstant(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            if (operation.Type?.SpecialType != SpecialType.System_String || (operation is IBinaryOperation && !operation.ConstantValue.HasValue) || !ConstantText.IsWhole(operation) ||
                !ConstantText.TryGet(operation, out var text) || text.IndexOf("AIGC", StringComparison.OrdinalIgnoreCase) < 0 || text.IndexOf('{') < 0)
            {
                return;
            }

            if (AigcJsonCheck.Check(text, payload: false) is { Problems.Count: > 0 } result)
            {
                Report(context, operation, result.Problems, result.Corrected);
            }
        }

        private static void OnCall(OperationAnalysisContext context, Sdk sdk)
        {
            var (method, arguments) = context.Operation switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                _ => (null, ImmutableArray<IArgumentOperation>.Empty),
            };
            if (method == null)
            {
                return;
            }

            if (sdk.Types.Contains(method.ContainingType))
            {
                OnSdkCall(context, method, arguments, sdk);
                return;
            }

            if (SettingPairs.Find(context.Operation, ProviderKeys) is { } provider)
            {
                CheckValue(context, provider.Value, provider.Text, "ContentProducer", required: true);
            }
            else if (IsWrite(method) && SettingPairs.Find(context.Operation, CarrierKeys) is { } carrier)
            {
                CheckPayload(context, carrier.Value, carrier.Text);
            }
        }

        /// <summary>A call that stores a value under a key: a constructor (a tag, a pair) or Add/Set/Write/Put/Append/Insert/Embed/Update.</summary>
        private static bool IsWrite(IMethodSymbol method) =>
            method.ContainingType?.SpecialType != SpecialType.System_String &&
            (method.MethodKind == MethodKind.Constructor || WritePrefixes.Any(p => method.Name.StartsWith(p, StringComparison.Ordinal)));

        private static void OnSdkCall(OperationAnalysisContext context, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Sdk sdk)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter == null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (ValueParameters.TryGetValue(argument.Parameter.Name, out var field) && ConstantText.TryGet(argument.Value, out var text))
                {
                    CheckValue(context, argument.Value, text, field.Field, field.Required);
                }
                else if (method.Name is "Parse" or "TryParse" && argument.Parameter.Type.SpecialType == SpecialType.System_String &&
                    ConstantText.TryGet(argument.Value, out var json))
                {
                    CheckPayload(context, argument.Value, json);
                }
                else if (sdk.LabelKind != null && SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, sdk.LabelKind) &&
                    argument.Value.ConstantValue is { HasValue: true, Value: int kind } && kind is < 1 or > 3)
                {
                    var problem = new AigcFieldProblem(AigcFieldProblemKind.BadLabel, "Label");
                    Report(context, argument.Value, new[] { ProblemTexts.Of(problem, kind.ToString(System.Globalization.CultureInfo.InvariantCulture)) }, "Generated", "labelKind");
                }
            }
        }

        /// <summary><c>options.ProviderCode = "..."</c>, <c>settings["DeepSynth:ProviderCode"] = "..."</c>, <c>tags["AIGC"] = "..."</c>.</summary>
        private static void OnAssignment(OperationAnalysisContext context, Sdk sdk)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "ProviderCode", IsIndexer: false } property } &&
                SymbolEqualityComparer.Default.Equals(property.ContainingType, sdk.Options))
            {
                if (ConstantText.TryGet(assignment.Value, out var code))
                {
                    CheckValue(context, assignment.Value, code, "ContentProducer", required: true);
                }
            }
            else if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true })
            {
                if (SettingPairs.Find(assignment, ProviderKeys) is { } provider)
                {
                    CheckValue(context, provider.Value, provider.Text, "ContentProducer", required: true);
                }
                else if (SettingPairs.Find(assignment, CarrierKeys) is { } carrier)
                {
                    CheckPayload(context, carrier.Value, carrier.Text);
                }
            }
        }

        private static void CheckValue(OperationAnalysisContext context, IOperation value, string text, string field, bool required)
        {
            if (AigcFieldRules.CheckValue(field, text, required) is { } problem)
            {
                var cleaned = AigcFieldRules.Cleaned(text);
                var corrected = cleaned.Length == 0 || cleaned.Length > AigcFieldRules.MaxValueLength ? null : cleaned;
                Report(context, value, new[] { ProblemTexts.Of(problem, text) }, corrected);
            }
        }

        /// <summary>
        /// A text written as metadata (under an AIGC key, or parsed as metadata). A wrapped text held in a constant elsewhere is
        /// reported where it is written (<see cref="OnConstant"/>), not again here.
        /// </summary>
        private static void CheckPayload(OperationAnalysisContext context, IOperation value, string text)
        {
            var result = AigcJsonCheck.Check(text, payload: true);
            if (result == null || result.Problems.Count == 0 || AigcJsonCheck.Check(text, payload: false) != null)
            {
                return;
            }

            Report(context, value, result.Problems, result.Corrected);
        }

        private static void Report(OperationAnalysisContext context, IOperation value, IReadOnlyList<LocalizableString> problems, string? corrected, string kind = "text")
        {
            var literal = ConstantText.DeclaringLiteral(value, context.CancellationToken);
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (corrected != null)
            {
                properties = properties.Add(CorrectedProperty, corrected).Add(CorrectedKindProperty, kind);
            }

            context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.MalformedAigcMetadata, value.Syntax.GetLocation(), literal == null ? null : new[] { literal }, properties, ProblemTexts.Join(problems)));
        }

        /// <summary>appsettings*.json: DeepSynth:ProviderCode, written as ContentProducer into every file's metadata.</summary>
        private static void OnSettingsFile(AdditionalFileAnalysisContext context)
        {
            if (!SettingsFiles.IsSettingsFile(context.AdditionalFile))
            {
                return;
            }

            Guard.Run(() =>
            {
                if (SettingsFiles.Find(context.AdditionalFile, context.CancellationToken, "DeepSynth", "ProviderCode") is { } found &&
                    AigcFieldRules.CheckValue("ContentProducer", found.Value, required: true) is { } problem)
                {
                    context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.MalformedAigcMetadata, found.Location, ProblemTexts.Of(problem, found.Value)));
                }
            });
        }
    }
}
