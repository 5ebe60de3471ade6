using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Files written under the web root (<see cref="KnownApis.FileWrites"/>): <c>File.WriteAllBytesAsync(Path.Combine(env.WebRootPath,
    /// "images", name), bytes)</c>, or a stream opened there and written or copied into. The static-files middleware serves
    /// such a file to anyone who has its URL, so the write is where its content is published (the URL handed out later
    /// carries none of it). The path is read from the expression that builds it, a local's initializer, or a field
    /// the type's constructors assign (bounded depth); a path from configuration or a parameter cannot be read, and the
    /// write is then taken for storage, not publication: never a guess.
    /// </summary>
    internal sealed class PublicFileWrites
    {
        private const int MaxDepth = 5;

        private static readonly ImmutableHashSet<string> WriteNames = KnownApis.FileWrites.SelectMany(r => r.Methods).ToImmutableHashSet();

        private readonly SemanticModelCache _models;

        public PublicFileWrites(SemanticModelCache models)
        {
            _models = models;
        }

        /// <summary>
        /// For a write into a file under the web root, the ordinals of its content arguments (-1 for the receiver stream's
        /// own content); default when the call is no such write.
        /// </summary>
        public ImmutableArray<int> ContentOf(IInvocationOperation invocation, CancellationToken cancellationToken) =>
            ContentOf(invocation, underWebRoot: true, cancellationToken);

        /// <summary>
        /// For a write into a file outside the web root whose path is computed (<c>Path.Combine(root, id + ".png")</c>), the
        /// ordinals of its content arguments, as for <see cref="ContentOf(IInvocationOperation, CancellationToken)"/>: the
        /// file system keeps it for a later read by path. Default for other calls, web-root writes and constant paths.
        /// </summary>
        public ImmutableArray<int> StoredContentOf(IInvocationOperation invocation, CancellationToken cancellationToken) =>
            ContentOf(invocation, underWebRoot: false, cancellationToken);

        /// <summary>Whether a read by path (<see cref="KnownApis.FileStoreReads"/>) reads a stored item: its path is not a constant.</summary>
        /// <summary>Whether a result serves a file at a computed path (<c>PhysicalFile(asset.StoragePath)</c>, see <see cref="KnownApis.FileServes"/>).</summary>
        public bool ServesStoredFile(IInvocationOperation invocation, CancellationToken cancellationToken) =>
            KnownApis.FileServes.Contains(invocation.TargetMethod.Name) &&
            invocation.TargetMethod.ContainingNamespace?.ToDisplayString().StartsWith(KnownApis.AspNetCoreNamespace, StringComparison.Ordinal) == true &&
            invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name is { } name && KnownApis.FileServePathParameters.Contains(name))?.Value is { } path &&
            Written(path, cancellationToken)?.ConstantValue.HasValue == false;

        public bool ReadsStoredFile(IInvocationOperation invocation, CancellationToken cancellationToken) =>
            KnownApis.FileStoreReads.Contains(invocation.TargetMethod.Name) && invocation.TargetMethod.ContainingType?.ToDisplayString() == KnownApis.FileStoreType &&
            invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "path")?.Value is { } path && Written(path, cancellationToken)?.ConstantValue.HasValue == false;

        private ImmutableArray<int> ContentOf(IInvocationOperation invocation, bool underWebRoot, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (!WriteNames.Contains(method.Name))
            {
                return default; // most calls: no type is looked at
            }

            var row = KnownApis.FileWrites.FirstOrDefault(r => r.Methods.Contains(method.Name) && IsOrDerives(method.ContainingType, r.Type));
            if (row.Type == null)
            {
                return default;
            }

            var path = method.ContainingType.Name == "File"
                ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "path")?.Value
                : OpenedPath(method.Name.StartsWith("CopyTo", StringComparison.Ordinal)
                    ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "destination")?.Value
                    : invocation.Instance, 0, cancellationToken);
            if (path == null || UnderWebRoot(path, 0, cancellationToken) != underWebRoot ||
                (!underWebRoot && Written(path, cancellationToken)?.ConstantValue.HasValue != false))
            {
                return default;
            }

            return row.ContentParameters.Select(name => name == "this" ? -1 : method.Parameters.FirstOrDefault(p => p.Name == name)?.Ordinal ?? -2)
                .Where(ordinal => ordinal >= -1).ToImmutableArray();
        }

        private static bool IsOrDerives(INamedTypeSymbol? type, string name)
        {
            for (; type != null; type = type.BaseType)
            {
                if (type.ToDisplayString() == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The path a stream was opened with: <c>File.Create(path)</c>, <c>new FileStream(path, ...)</c>, through a local.</summary>
        private IOperation? OpenedPath(IOperation? stream, int depth, CancellationToken cancellationToken)
        {
            stream = Written(stream, cancellationToken);
            switch (stream)
            {
                case null:
                    return null;
                case IInvocationOperation open when KnownApis.FileOpeners.Contains(open.TargetMethod.Name) && open.TargetMethod.ContainingType?.ToDisplayString() == "System.IO.File":
                    return open.Arguments.FirstOrDefault(a => a.Parameter?.Name == "path")?.Value;
                case IObjectCreationOperation creation when creation.Type?.ToDisplayString() == "System.IO.FileStream":
                    return creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "path")?.Value;
                case ILocalReferenceOperation local when depth < MaxDepth:
                    return Initializers(local.Local, cancellationToken).Select(i => OpenedPath(i, depth + 1, cancellationToken)).FirstOrDefault(p => p != null);
                default:
                    return null;
            }
        }

        /// <summary>Whether a path expression is built from the web root (<c>env.WebRootPath</c>, a literal naming <c>wwwroot</c>).</summary>
        private bool UnderWebRoot(IOperation? operation, int depth, CancellationToken cancellationToken)
        {
            operation = Written(operation, cancellationToken);
            if (operation == null || depth > MaxDepth)
            {
                return false;
            }

            if (operation.ConstantValue is { HasValue: true, Value: string constant })
            {
                return constant.IndexOf(KnownApis.WebRootFolder, StringComparison.OrdinalIgnoreCase) >= 0;
            }

            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: KnownApis.WebRootProperty }:
                    return true;
                case IInterpolatedStringOperation interpolated:
                    return interpolated.Parts.Any(part => part is IInterpolationOperation hole
                        ? UnderWebRoot(hole.Expression, depth + 1, cancellationToken)
                        : part is IInterpolatedStringTextOperation text && UnderWebRoot(text.Text, depth + 1, cancellationToken));
                case IBinaryOperation binary:
                    return UnderWebRoot(binary.LeftOperand, depth + 1, cancellationToken) || UnderWebRoot(binary.RightOperand, depth + 1, cancellationToken);
                case ICoalesceOperation coalesce:
                    // "env.WebRootPath ?? Path.Combine(env.ContentRootPath, "wwwroot")": either way the web root.
                    return UnderWebRoot(coalesce.Value, depth + 1, cancellationToken) || UnderWebRoot(coalesce.WhenNull, depth + 1, cancellationToken);
                case IConditionalOperation conditional:
                    return UnderWebRoot(conditional.WhenTrue, depth + 1, cancellationToken) || UnderWebRoot(conditional.WhenFalse, depth + 1, cancellationToken);
                case IInvocationOperation call:
                    // Path.Combine(root, "images", name), Path.Join, string.Concat: any part.
                    return call.Arguments.Any(a => UnderWebRoot(a.Value, depth + 1, cancellationToken)) ||
                           (call.Arguments.Length > 0 && call.Arguments[0].Value is IArrayCreationOperation { Initializer: { } parts } && parts.ElementValues.Any(v => UnderWebRoot(v, depth + 1, cancellationToken)));
                case IArrayCreationOperation { Initializer: { } elements }:
                    return elements.ElementValues.Any(v => UnderWebRoot(v, depth + 1, cancellationToken));
                case ILocalReferenceOperation local:
                    return Initializers(local.Local, cancellationToken).Any(i => UnderWebRoot(i, depth + 1, cancellationToken));
                case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member:
                    return Initializers(member.Member, cancellationToken).Any(i => UnderWebRoot(i, depth + 1, cancellationToken));
                default:
                    return false;
            }
        }

        /// <summary>A control-flow graph's captures read as the source has them.</summary>
        private IOperation? Written(IOperation? operation, CancellationToken cancellationToken) => _models.Written(operation, cancellationToken);

        /// <summary>
        /// What a local, field or property declared in source is given: its initializer, and for a field or property the
        /// values its type's constructors assign (<c>_root = Path.Combine(env.WebRootPath, "media")</c>).
        /// </summary>
        private IEnumerable<IOperation> Initializers(ISymbol symbol, CancellationToken cancellationToken)
        {
            foreach (var initializer in ModelHttpCalls.Initializers(symbol, _models, cancellationToken))
            {
                yield return initializer;
            }

            if (symbol is IFieldSymbol || symbol is IPropertySymbol)
            {
                foreach (var type in symbol.ContainingType?.DeclaringSyntaxReferences ?? ImmutableArray<SyntaxReference>.Empty)
                {
                    foreach (var constructor in type.GetSyntax(cancellationToken).ChildNodes().OfType<ConstructorDeclarationSyntax>())
                    {
                        foreach (var assignment in constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                        {
                            if (SyntaxIndex.SimpleName(assignment.Left) == symbol.Name &&
                                _models.GetModel(assignment.SyntaxTree)?.GetOperation(assignment.Right, cancellationToken) is { } assigned)
                            {
                                yield return assigned;
                            }
                        }
                    }
                }
            }
        }
    }
}
