using System.Composition;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using DeepSynth.Analyzers.Rules;
using DeepSynth.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DeepSynth.CodeFixes.Fixes
{
    /// <summary>
    /// DSYN006: verifies the separate consent of the person edited before the edit, with
    /// IBiometricConsentVerifier.EnsureConsentAsync(subject, kind, purpose), which throws ConsentRequiredException without it.
    /// The subject is a parameter or local named like subjectId/personId (or such a member of a parameter), else a new
    /// handler parameter; the purpose is the editing method's name. Not offered where no subject can be reached.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VerifyConsentFixProvider)), Shared]
    public sealed class VerifyConsentFixProvider : ComplianceCodeFixProvider
    {
        private static readonly Regex SubjectName = new Regex("^(subject|person|owner|speaker|portrait|face|voice|target)(Id|Key)?$|(Subject|Person|Owner|Speaker)(Id|Key)$", RegexOptions.CultureInvariant);

        public VerifyConsentFixProvider()
            : base(RuleIds.EditWithoutConsent, new FixVariant("DSYN006.Consent", "Verify the edited person's consent first (编辑前核验被编辑者的单独同意)"))
        {
        }

        internal override bool Apply(FixSession session, SyntaxNode node, Diagnostic diagnostic, FixVariant variant, CancellationToken cancellationToken)
        {
            var call = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            if (call == null || !(session.Model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol edit))
            {
                return false;
            }

            var subject = ExistingSubject(session.Model, call, cancellationToken) ?? NewSubjectParameter(session);
            if (subject == null)
            {
                return false;
            }

            var voice = diagnostic.Properties.TryGetValue(FindingCollector.GuardedCallKindProperty, out var kind) && kind == "VoiceEdit";
            var verifier = session.Service(ComplianceService.ConsentVerifier);
            var token = session.CancellationToken();
            var kindExpression = ParseExpression(voice ? "BiometricKind.Voice" : "BiometricKind.Face");
            var purpose = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(Purpose(edit.Name)));
            var check = token == null
                ? AddAigcLabelFixProvider.Call(verifier, "EnsureConsentAsync", subject, kindExpression, purpose)
                : AddAigcLabelFixProvider.Call(verifier, "EnsureConsentAsync", subject, kindExpression, purpose, token);
            return session.InsertBefore(call, new[] { (StatementSyntax)ExpressionStatement(AwaitExpression(check)) }, awaits: true);
        }

        private static ExpressionSyntax? NewSubjectParameter(FixSession session)
        {
            var parameter = session.HandlerParameter("subjectId", "String", "System.String");
            if (parameter != null)
            {
                session.AddUsing("System");
            }

            return parameter;
        }

        /// <summary>A string parameter or local in scope named for the person edited, or such a property of a parameter (form.SubjectId).</summary>
        private static ExpressionSyntax? ExistingSubject(SemanticModel model, SyntaxNode at, CancellationToken cancellationToken)
        {
            var visible = model.LookupSymbols(at.SpanStart).Where(s => s is ILocalSymbol || s is IParameterSymbol).ToList();
            foreach (var symbol in visible)
            {
                if (TypeOf(symbol)?.SpecialType == SpecialType.System_String && SubjectName.IsMatch(symbol.Name))
                {
                    return IdentifierName(symbol.Name);
                }
            }

            foreach (var symbol in visible.OfType<IParameterSymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var property = symbol.Type.GetMembers().OfType<IPropertySymbol>()
                    .FirstOrDefault(p => p.Type.SpecialType == SpecialType.System_String && p.GetMethod != null && !p.IsStatic && SubjectName.IsMatch(p.Name));
                if (property != null)
                {
                    return MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(symbol.Name), IdentifierName(property.Name));
                }
            }

            return null;
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };

        /// <summary>"SwapFaceAsync" becomes "swap-face": what the consent is for, named after the edit (check it).</summary>
        internal static string Purpose(string method)
        {
            var name = method.EndsWith("Async", System.StringComparison.Ordinal) && method.Length > 5 ? method.Substring(0, method.Length - 5) : method;
            var text = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                if (char.IsUpper(name[i]) && i > 0)
                {
                    text.Append('-');
                }

                text.Append(char.ToLowerInvariant(name[i]));
            }

            return text.ToString();
        }
    }
}
