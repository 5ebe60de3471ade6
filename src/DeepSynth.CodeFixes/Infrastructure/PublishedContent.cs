using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DeepSynth.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DeepSynth.CodeFixes.Infrastructure
{
    /// <summary>What kind of content an expression holds, which decides the SDK call that labels, reviews or records it.</summary>
    internal enum ContentShape
    {
        Text,
        Bytes,
        TextStream,

        /// <summary>
        /// An object or a list that holds texts and was not built here (a DTO a service filled in): reviewed and recorded
        /// whole (the SDK's EnsureAllTextAllowedAsync and RecordAllTextAsync); no label is added, since where its texts
        /// went in is not in this function.
        /// </summary>
        TextHolder,
    }

    /// <summary>An expression at a publish point that carries content.</summary>
    internal readonly struct ContentExpression
    {
        public ContentExpression(ExpressionSyntax expression, ContentShape shape, SyntaxNode anchor, bool isTask = false)
        {
            Expression = expression;
            Shape = shape;
            Anchor = anchor;
            IsTask = isTask;
        }

        /// <summary>For a <see cref="ContentShape.TextHolder"/>: the expression is a task of the object (a handler returning "drafts.DraftAsync(request)").</summary>
        public bool IsTask { get; }

        public ExpressionSyntax Expression { get; }

        /// <summary>
        /// Where statements about the content (review, record) go before: the publish point, or the declaration of the
        /// collection the content was put in ("string[] answers = [response.Text]; return Ok(answers);").
        /// </summary>
        public SyntaxNode Anchor { get; }

        public ContentShape Shape { get; }
    }

    /// <summary>
    /// Finds the expressions that carry content at a publish point: the returned expression, or the non-constant arguments of
    /// the publishing call, looking inside DTOs, anonymous objects and arrays for their text members.
    /// </summary>
    internal static class PublishedContent
    {
        private const int MaxDepth = 3;

        /// <summary>
        /// The content at the finding's publish point. Where the analyzer passed the expressions that carry generated content
        /// (<see cref="FlowDiagnostics.ContentProperty"/>), only those are taken: a user's input, a constant or a model name next to them is
        /// never labeled, reviewed or recorded.
        /// </summary>
        /// <summary>
        /// Every content-shaped expression at a publish point, by syntax alone: for fixes whose finding is not at the publish
        /// point (DSYN007 is reported at the encoder) or whose content is not generated (DSYN012's uploads), so the
        /// analyzer's carrier spans do not apply.
        /// </summary>
        public static IReadOnlyList<ContentExpression> FindBySyntax(SyntaxNode publishPoint, SemanticModel model) =>
            Find(publishPoint, model, null, null);

        /// <summary>
        /// Every text an object a method returns is built from, by syntax, following the writes into a local filled in
        /// before it is returned ("copy.Bullets.Add(bullet.Text)"): the candidates <see cref="ServiceLabels"/> then narrows
        /// to the generated ones.
        /// </summary>
        public static IReadOnlyList<ContentExpression> FindBuiltFrom(ExpressionSyntax returned, SemanticModel model)
        {
            var found = new List<ContentExpression>();
            Collect(returned, new Search(model, null, null, found) { FollowWrites = true }, 0, returned);
            return found;
        }

        public static IReadOnlyList<ContentExpression> Find(SyntaxNode publishPoint, SemanticModel model, Diagnostic diagnostic)
        {
            var holders = SpansOf(publishPoint, diagnostic, FlowDiagnostics.HoldersProperty);
            // Holders but no text spans: the analyzer saw no text carry the content here ("course.Code" next to
            // "quiz.Questions" is not it), so no text is taken for content.
            var carriers = SpansOf(publishPoint, diagnostic, FlowDiagnostics.ContentProperty) ?? (holders != null ? new HashSet<TextSpan>() : null);
            var found = Find(publishPoint, model, carriers, holders);
            if (diagnostic.Properties.TryGetValue(FlowDiagnostics.MediaProperty, out var media) && media == "text" && found.Any(f => f.Shape == ContentShape.Bytes))
            {
                // Generated text encoded into bytes (a CSV download, an SSE frame): not a file format the file labeler
                // knows nor an image, so the fixes work on the text it was encoded from, where that is in view
                // ("Encoding.UTF8.GetBytes(csv)"), and offer nothing for the bytes otherwise.
                return found.Select(f => f.Shape == ContentShape.Bytes ? EncodedText(f, model) : f).Where(f => f.HasValue).Select(f => f!.Value).ToList();
            }

            return found;
        }

        /// <summary>
        /// The text that bytes were encoded from: the argument of "Encoding.X.GetBytes(text)", written in place or as the
        /// initializer of a local built once in this function (then the review and record go before that local).
        /// </summary>
        private static ContentExpression? EncodedText(ContentExpression bytes, SemanticModel model)
        {
            var expression = bytes.Expression;
            SyntaxNode anchor = bytes.Anchor;
            if (expression is IdentifierNameSyntax && model.GetSymbolInfo(expression).Symbol is ILocalSymbol local && BuiltOnce(local, expression, model) is { } declarator)
            {
                expression = declarator.Initializer!.Value;
                anchor = declarator;
            }

            if (expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } call &&
                model.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "GetBytes" } method &&
                method.ContainingType?.ToDisplayString() == "System.Text.Encoding" &&
                call.ArgumentList.Arguments[0].Expression is var text && ShapeOf(model.GetTypeInfo(text).Type) == ContentShape.Text)
            {
                return new ContentExpression(text, ContentShape.Text, anchor);
            }

            return null;
        }

        private static HashSet<TextSpan>? SpansOf(SyntaxNode publishPoint, Diagnostic diagnostic, string property)
        {
            if (!diagnostic.Properties.TryGetValue(property, out var value) || string.IsNullOrEmpty(value))
            {
                return null;
            }

            var spans = new HashSet<TextSpan>();
            foreach (var pair in value!.Split(';'))
            {
                var parts = pair.Split(':');
                if (parts.Length == 2 &&
                    int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset) &&
                    int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length) &&
                    publishPoint.SpanStart + offset >= 0)
                {
                    spans.Add(new TextSpan(publishPoint.SpanStart + offset, length));
                }
            }

            return spans;
        }

        private static IReadOnlyList<ContentExpression> Find(SyntaxNode publishPoint, SemanticModel model, HashSet<TextSpan>? carriers, HashSet<TextSpan>? holders)
        {
            var found = new List<ContentExpression>();
            var context = new Search(model, carriers, holders, found);
            if (publishPoint is ExpressionSyntax { Parent: AwaitExpressionSyntax awaited } awaitedTask && IsReturnedValue(awaited) && holders != null &&
                (holders.Contains(awaitedTask.Span) || holders.Contains(awaited.Span)) && HoldsTexts(model.GetTypeInfo(awaited).Type))
            {
                // "return await drafts.DraftAsync(request)": the awaited object is what is published.
                found.Add(new ContentExpression(awaited, ContentShape.TextHolder, publishPoint));
                return found;
            }

            if (publishPoint is ExpressionSyntax returnedTask && IsReturnedValue(returnedTask) && holders != null && holders.Contains(returnedTask.Span) &&
                model.GetTypeInfo(returnedTask).Type is INamedTypeSymbol { TypeArguments.Length: 1 } task && FunctionRewriter.IsTaskLike(task) && HoldsTexts(task.TypeArguments[0]))
            {
                // "=> drafts.DraftAsync(request)": the object the task completes with is what is published.
                found.Add(new ContentExpression(returnedTask, ContentShape.TextHolder, publishPoint, isTask: true));
                return found;
            }

            // A returned value that is content or a list of it ("return response.Text.Split('\n')"), not a result object.
            if (publishPoint is ExpressionSyntax returned && IsReturnedValue(returned) &&
                (ShapeOf(model.GetTypeInfo(returned).Type) != null || (returned is InvocationExpressionSyntax && HoldsTexts(model.GetTypeInfo(returned).Type))))
            {
                // "return chat.GetStreamingResponseAsync(...).Select(...)": the returned value is the content, not the call's arguments.
                Collect(returned, context, 0, publishPoint);
                return found;
            }

            switch (publishPoint)
            {
                case InvocationExpressionSyntax invocation:
                    foreach (var argument in invocation.ArgumentList.Arguments)
                    {
                        Collect(argument.Expression, context, 0, publishPoint);
                    }

                    break;
                case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList != null || creation.Initializer != null:
                    Collect(creation, context, -1, publishPoint);
                    break;
                case ExpressionSyntax expression:
                    Collect(expression, context, 0, publishPoint);
                    break;
            }

            return found;
        }

        private static bool IsReturnedValue(ExpressionSyntax expression) =>
            expression.Parent is ReturnStatementSyntax || expression.Parent is YieldStatementSyntax || expression.Parent is ArrowExpressionClauseSyntax ||
            (expression.Parent is AnonymousFunctionExpressionSyntax lambda && lambda.ExpressionBody == expression);

        /// <summary>The shape of content an expression's type can hold, or null.</summary>
        public static ContentShape? ShapeOf(ITypeSymbol? type)
        {
            switch (type)
            {
                case { SpecialType: SpecialType.System_String }:
                    return ContentShape.Text;
                case IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }:
                    return ContentShape.Bytes;
                case INamedTypeSymbol { Name: "IAsyncEnumerable", TypeArguments.Length: 1 } stream when stream.TypeArguments[0].SpecialType == SpecialType.System_String:
                    return ContentShape.TextStream;
                default:
                    return null;
            }
        }

        /// <summary>
        /// A value whose texts the SDK's whole-value review and record read: a collection of strings, or an object of a type
        /// declared in this code (a request or response record) or a collection of those. Framework objects (an uploaded
        /// file, an SDK response) are not: their text is not (only) in their properties.
        /// </summary>
        public static bool HoldsTexts(ITypeSymbol? type) =>
            type != null && !FunctionRewriter.IsTaskLike(type) && DeepSynth.Analyzers.Flow.ContentCarriers.IsTextHolderType(type);

        /// <summary>What one search needs: the model, the analyzer's content-carrying spans (null: not given), the result.</summary>
        private sealed class Search
        {
            public Search(SemanticModel model, HashSet<TextSpan>? carriers, HashSet<TextSpan>? holders, List<ContentExpression> found)
            {
                Model = model;
                Carriers = carriers;
                Holders = holders;
                Found = found;
            }

            /// <summary>The objects and lists the analyzer said carry generated content (<see cref="FlowDiagnostics.HoldersProperty"/>).</summary>
            public HashSet<TextSpan>? Holders { get; }

            /// <summary>Follow the writes into a local filled in before it is returned even without the analyzer's spans.</summary>
            public bool FollowWrites { get; set; }

            public SemanticModel Model { get; }

            public HashSet<TextSpan>? Carriers { get; }

            public List<ContentExpression> Found { get; }

            /// <summary>True when the analyzer did not say, or said this expression (or one inside it) carries generated content.</summary>
            public bool Carries(ExpressionSyntax expression) =>
                Carriers == null || Carriers.Contains(expression.Span) || Carriers.Any(c => expression.Span.Contains(c));
        }

        private static void Collect(ExpressionSyntax expression, Search context, int depth, SyntaxNode anchor)
        {
            var model = context.Model;
            var found = context.Found;
            if (depth > MaxDepth || model.GetConstantValue(expression).HasValue || GenerationMetadata.Is(expression, model))
            {
                return;
            }

            switch (expression)
            {
                case InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } call when IsLabeler(call, model):
                    // Already labeled: the content is the labeler's argument (review and record the content, not the label).
                    Collect(call.ArgumentList.Arguments[0].Expression, context, depth + 1, anchor);
                    return;
                case BaseObjectCreationExpressionSyntax creation:
                    foreach (var argument in creation.ArgumentList?.Arguments ?? default)
                    {
                        Collect(argument.Expression, context, depth + 1, anchor);
                    }

                    foreach (var initializer in creation.Initializer?.Expressions ?? default)
                    {
                        Collect(initializer is AssignmentExpressionSyntax assignment ? assignment.Right : initializer, context, depth + 1, anchor);
                    }

                    return;
                case AnonymousObjectCreationExpressionSyntax anonymous:
                    foreach (var member in anonymous.Initializers)
                    {
                        Collect(member.Expression, context, depth + 1, anchor);
                    }

                    return;
                case ArrayCreationExpressionSyntax { Initializer: { } arrayInitializer } when ShapeOf(model.GetTypeInfo(expression).Type) == null:
                    foreach (var element in arrayInitializer.Expressions)
                    {
                        Collect(element, context, depth + 1, anchor);
                    }

                    return;
            }

            var type = model.GetTypeInfo(expression).Type;
            var shape = ShapeOf(type);
            if (shape == null)
            {
                var before = found.Count;
                CollectFromSource(expression, context, depth, anchor);
                // At the publish point itself (a call's result is then put in a local first), or a name or member read
                // elsewhere: never the initializer of a local, which the review would run a second time.
                if (found.Count == before && context.Holders != null && context.Holders.Contains(expression.Span) && HoldsTexts(type) &&
                    (IsPure(expression) || !(anchor is VariableDeclaratorSyntax)) &&
                    !found.Any(f => f.Expression.Span.Contains(expression.Span)))
                {
                    // The analyzer says this object carries generated content and its texts did not go in here.
                    found.Add(new ContentExpression(expression, ContentShape.TextHolder, anchor));
                }
                else if (found.Count == before && context.FollowWrites && TextList.ElementsOf(type) != null &&
                         !found.Any(f => f.Expression.Span.Contains(expression.Span)))
                {
                    // A list of texts made where the texts are not in view ("Bullets(section)"): labeled element by element.
                    found.Add(new ContentExpression(expression, ContentShape.TextHolder, anchor));
                }
            }
            else if (context.Carries(expression) && !found.Any(f => f.Expression.Span.Contains(expression.Span)))
            {
                found.Add(new ContentExpression(expression, shape.Value, anchor));
            }
        }

        /// <summary>
        /// A value that is not content itself but is built from content: a collection in a local built once in this function
        /// ("string[] answers = [response.Text]"), or a chain of calls on text ("response.Text.Split('\n').ToList()"); the
        /// content is where it went in.
        /// </summary>
        private static void CollectFromSource(ExpressionSyntax expression, Search context, int depth, SyntaxNode anchor)
        {
            var model = context.Model;
            switch (expression)
            {
                case IdentifierNameSyntax when model.GetSymbolInfo(expression).Symbol is ILocalSymbol local && BuiltOnce(local, expression, model) is { } declarator:
                    Collect(declarator.Initializer!.Value, context, depth + 1, declarator);
                    break;
                case IdentifierNameSyntax when (context.Carriers != null || context.FollowWrites) && model.GetSymbolInfo(expression).Symbol is ILocalSymbol filled &&
                    FilledIn(filled, expression, model, tolerateOtherUses: context.FollowWrites) is { } writes:
                    // A collection or DTO filled in before it is published ("ideas.Add(response.Text)" in a loop,
                    // "copy.Description = ..."): the content is what went in, where it went in.
                    foreach (var (value, statement) in writes)
                    {
                        Collect(value, context, depth + 1, statement);
                    }

                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }:
                    // A chain of calls is one step, however long ("text.Split('\n').Select(l => l.Trim()).ToList()").
                    Collect(access.Expression, context, depth, anchor);
                    break;
                case ConditionalExpressionSyntax conditional:
                    // "parts.Length == 2 ? new Question(parts[1]) : new Question(line)": either object may be the one built.
                    Collect(conditional.WhenTrue, context, depth + 1, anchor);
                    Collect(conditional.WhenFalse, context, depth + 1, anchor);
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    Collect(parenthesized.Expression, context, depth, anchor);
                    break;
                case SwitchExpressionSyntax switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        Collect(arm.Expression, context, depth + 1, anchor);
                    }

                    break;
                case CollectionExpressionSyntax collection:
                    foreach (var element in collection.Elements.OfType<ExpressionElementSyntax>())
                    {
                        Collect(element.Expression, context, depth + 1, anchor);
                    }

                    break;
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    foreach (var element in implicitArray.Initializer.Expressions)
                    {
                        Collect(element, context, depth + 1, anchor);
                    }

                    break;
            }
        }

        /// <summary>The local's one declaration, with an initializer, in the same function as the read, and never assigned or added to.</summary>
        private static VariableDeclaratorSyntax? BuiltOnce(ILocalSymbol local, ExpressionSyntax read, SemanticModel model)
        {
            var declarators = local.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<VariableDeclaratorSyntax>().ToList();
            if (declarators.Count != 1 || declarators[0].Initializer == null || declarators[0].Parent?.Parent is not LocalDeclarationStatementSyntax)
            {
                return null;
            }

            var declarator = declarators[0];
            var function = read.Ancestors().FirstOrDefault(IsFunction);
            if (function == null || !ReferenceEquals(declarator.Ancestors().FirstOrDefault(IsFunction), function))
            {
                return null;
            }

            // Any other use that may change it (assignment, Add, a ref) means content may have come in elsewhere.
            var uses = function.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Where(n => n != read && n.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n).Symbol, local));
            return uses.Any() ? null : declarator;
        }

        internal static readonly HashSet<string> AddMethods = new HashSet<string>(System.StringComparer.Ordinal) { "Add", "Insert", "Push", "Enqueue", "AddRange" };

        /// <summary>
        /// The values written into a local in its function, each with its statement: its initializer, "local.Add(value)",
        /// "local.Member.Add(value)", "local.Member = value", "local[key] = value". Null when the local is used any other
        /// way (handed to a method, reassigned, captured by a lambda), since content could then come in unseen.
        /// </summary>
        /// With <paramref name="tolerateOtherUses"/> (the service-side label, which only needs where generated texts went in,
        /// not all of them) other uses are passed over ("store.SaveDraft(draft)" after the draft is built).
        private static List<(ExpressionSyntax Value, StatementSyntax Statement)>? FilledIn(ILocalSymbol local, ExpressionSyntax read, SemanticModel model, bool tolerateOtherUses = false)
        {
            var declarators = local.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<VariableDeclaratorSyntax>().ToList();
            if (declarators.Count != 1 || declarators[0].Parent?.Parent is not LocalDeclarationStatementSyntax declaration)
            {
                return null;
            }

            var function = read.Ancestors().FirstOrDefault(IsFunction);
            if (function == null || !ReferenceEquals(declarators[0].Ancestors().FirstOrDefault(IsFunction), function))
            {
                return null;
            }

            var writes = new List<(ExpressionSyntax, StatementSyntax)>();
            if (declarators[0].Initializer?.Value is { } initializer)
            {
                writes.Add((initializer, declaration));
            }

            foreach (var use in function.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (use == read || use.Identifier.ValueText != local.Name || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use).Symbol, local))
                {
                    continue;
                }

                if (!ReferenceEquals(use.Ancestors().FirstOrDefault(IsFunction), function))
                {
                    if (tolerateOtherUses)
                    {
                        continue;
                    }

                    return null;
                }

                // Walk up member reads ("copy.Bullets") to the write.
                ExpressionSyntax target = use;
                while (target.Parent is MemberAccessExpressionSyntax member && member.Expression == target && member.Name.Identifier.ValueText is not ("Count" or "Length") &&
                       model.GetSymbolInfo(member).Symbol is IPropertySymbol or IFieldSymbol)
                {
                    target = member;
                }

                switch (target.Parent)
                {
                    case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement } call } method
                        when method.Expression == target && AddMethods.Contains(method.Name.Identifier.ValueText) && call.ArgumentList.Arguments.Count > 0:
                        writes.Add((call.ArgumentList.Arguments[call.ArgumentList.Arguments.Count - 1].Expression, statement));
                        break;
                    case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment
                        when assignment.Left == target && target != use && assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression):
                        writes.Add((assignment.Right, statement));
                        break;
                    case ElementAccessExpressionSyntax { Parent: AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment } element
                        when element.Expression == target && assignment.Left == element:
                        writes.Add((assignment.Right, statement));
                        break;
                    case MemberAccessExpressionSyntax readOnly when readOnly.Expression == target && model.GetSymbolInfo(readOnly).Symbol is IPropertySymbol { Name: "Count" or "Length" }:
                        break;
                    default:
                        if (tolerateOtherUses)
                        {
                            break;
                        }

                        return null;
                }
            }

            return writes;
        }

        internal static bool IsFunction(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax || node is MethodDeclarationSyntax || node is CompilationUnitSyntax;

        public static bool IsLabeler(InvocationExpressionSyntax call, SemanticModel model) =>
            model.GetSymbolInfo(call).Symbol is IMethodSymbol method && IsLabeler(method);

        /// <summary>A method marked <c>[AigcLabeler]</c>, or the implementation of an interface member so marked.</summary>
        public static bool IsLabeler(IMethodSymbol method) =>
            method.GetAttributes().Any(IsLabelerAttribute) ||
            method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name)).Any(m => m.GetAttributes().Any(IsLabelerAttribute));

        private static bool IsLabelerAttribute(AttributeData attribute) =>
            attribute.AttributeClass?.ToDisplayString() == "DeepSynth.Compliance.AigcLabelerAttribute";

        /// <summary>True for expressions that can be evaluated twice without side effects (names and member reads).</summary>
        public static bool IsPure(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            ThisExpressionSyntax => true,
            MemberAccessExpressionSyntax access => IsPure(access.Expression),
            ElementAccessExpressionSyntax element => IsPure(element.Expression) && element.ArgumentList.Arguments.All(a => a.Expression is LiteralExpressionSyntax || IsPure(a.Expression)),
            ParenthesizedExpressionSyntax parenthesized => IsPure(parenthesized.Expression),
            PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression } suppress => IsPure(suppress.Operand),
            _ => false,
        };
    }
}
