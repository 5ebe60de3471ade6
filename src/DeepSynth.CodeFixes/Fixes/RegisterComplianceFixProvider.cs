using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSynth.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Fixes
{
    /// <summary>
    /// DSYN908: registers the SDK in the startup code, right after the host builder is created:
    /// builder.Services.AddDeepSynthCompliance(options => builder.Configuration.GetSection("DeepSynth").Bind(options)).
    /// The settings then come from the "DeepSynth" configuration section, and the start-up check says what is missing.
    /// Offered only where the project has such a builder (WebApplication.CreateBuilder, Host.CreateApplicationBuilder, ...).
    /// </summary>
    [ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(RegisterComplianceFixProvider)), Shared]
    public sealed class RegisterComplianceFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DSYN908.Register";

        private const string Title = "Register the DeepSynth compliance services (注册合规服务 AddDeepSynthCompliance)";

        private static readonly ImmutableHashSet<string> BuilderFactories = ImmutableHashSet.Create(
            "CreateBuilder", "CreateSlimBuilder", "CreateEmptyBuilder", "CreateApplicationBuilder");

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("DSYN908");

        public override FixAllProvider GetFixAllProvider() => new OncePerProject();

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            if (await FindBuilderAsync(context.Document.Project, context.CancellationToken).ConfigureAwait(false) != null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, token => RegisterAsync(context.Document.Project, token), EquivalenceKey),
                    context.Diagnostics);
            }
        }

        /// <summary>Every finding of a project has the same fix: one registration. Fix All makes it once per project.</summary>
        private sealed class OncePerProject : FixAllProvider
        {
            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var projects = fixAllContext.Scope == FixAllScope.Solution ? fixAllContext.Solution.Projects.ToList() : new[] { fixAllContext.Project }.ToList();
                return Task.FromResult<CodeAction?>(CodeAction.Create(Title, async token =>
                {
                    var solution = fixAllContext.Solution;
                    foreach (var project in projects)
                    {
                        if ((await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false)).Any(d => d.Id == "DSYN908"))
                        {
                            solution = await RegisterAsync(solution.GetProject(project.Id)!, token).ConfigureAwait(false);
                        }
                    }

                    return solution;
                }, EquivalenceKey));
            }
        }

        private static async Task<Solution> RegisterAsync(Project project, CancellationToken cancellationToken)
        {
            var found = await FindBuilderAsync(project, cancellationToken).ConfigureAwait(false);
            if (found == null)
            {
                return project.Solution;
            }

            var (document, statement, builder) = found.Value;
            var registration = ParseStatement(
                $"{builder}.Services.AddDeepSynthCompliance(options => {builder}.Configuration.GetSection(\"DeepSynth\").Bind(options));")
                .WithLeadingTrivia(statement.GetLeadingTrivia().Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.WhitespaceTrivia)))
                .WithTrailingTrivia(ElasticCarriageReturnLineFeed)
                .WithAdditionalAnnotations(Formatter.Annotation);
            // In top-level statements each statement is wrapped in a global statement.
            SyntaxNode inserted = statement is GlobalStatementSyntax ? GlobalStatement(registration) : registration;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            root = WithExceptionHandler(root!, builder);
            statement = root.DescendantNodes().First(n => n.IsEquivalentTo(statement));
            var changed = document.WithSyntaxRoot(root.InsertNodesAfter(statement, new[] { inserted }));
            changed = await UsingDirectives.AddAsync(changed, new[] { "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Configuration" }, cancellationToken).ConfigureAwait(false);
            changed = await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return changed.Project.Solution;
        }

        /// <summary>
        /// "app.UseExceptionHandler();" after "var app = builder.Build();" when the app has none: the SDK's handler then answers
        /// content that review blocked with a 422 problem response instead of a 500 (docs/sdk.md).
        /// </summary>
        private static SyntaxNode WithExceptionHandler(SyntaxNode root, string builder)
        {
            if (root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Any(a => a.Name.Identifier.ValueText == "UseExceptionHandler"))
            {
                return root;
            }

            foreach (var declaration in root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>())
            {
                var variable = declaration.Declaration.Variables.FirstOrDefault();
                if (variable?.Initializer?.Value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build", Expression: IdentifierNameSyntax target } } &&
                    target.Identifier.ValueText == builder && declaration.Parent is BlockSyntax or GlobalStatementSyntax)
                {
                    var use = ParseStatement($"{variable.Identifier.ValueText}.UseExceptionHandler();")
                        .WithLeadingTrivia(declaration.GetLeadingTrivia().Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.WhitespaceTrivia)))
                        .WithTrailingTrivia(ElasticCarriageReturnLineFeed)
                        .WithAdditionalAnnotations(Formatter.Annotation);
                    SyntaxNode after = declaration.Parent is GlobalStatementSyntax global ? global : declaration;
                    return root.InsertNodesAfter(after, new[] { after is GlobalStatementSyntax ? GlobalStatement(use) : (SyntaxNode)use });
                }
            }

            return root;
        }

        /// <summary>"var builder = WebApplication.CreateBuilder(args);" (or another host builder factory) and the builder's name.</summary>
        private static async Task<(Document Document, SyntaxNode Statement, string Builder)?> FindBuilderAsync(Project project, CancellationToken cancellationToken)
        {
            foreach (var document in project.Documents)
            {
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                foreach (var declaration in root?.DescendantNodes().OfType<LocalDeclarationStatementSyntax>() ?? Enumerable.Empty<LocalDeclarationStatementSyntax>())
                {
                    var variable = declaration.Declaration.Variables.FirstOrDefault();
                    if (variable?.Initializer?.Value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } &&
                        BuilderFactories.Contains(access.Name.Identifier.ValueText) && declaration.Parent is BlockSyntax or GlobalStatementSyntax)
                    {
                        return (document, declaration.Parent is GlobalStatementSyntax global ? global : (SyntaxNode)declaration, variable.Identifier.ValueText);
                    }
                }
            }

            return null;
        }
    }
}
