using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// Rows a SQL query reads (Dapper's <c>QueryAsync&lt;DraftRow&gt;</c>, <c>QueryFirstOrDefaultAsync&lt;string&gt;("SELECT
    /// PlainLanguage FROM ...")</c>) from one database, however it was written: a column holds what was stored into a
    /// member of that name, by a command's parameter object or into an entity another library saved (an EF Core entity's
    /// <c>Body</c> is the <c>Body</c> column a read model selects). Columns are matched to members by name (without
    /// case); tables are not told apart. A row type's members name its columns; a scalar query's single selected column
    /// is read from its SQL text.
    /// </summary>
    internal sealed partial class FlowEngine
    {
        private static readonly Regex SingleColumn = new Regex(
            @"^\s*SELECT\s+(?:TOP\s*\(?\s*\d+\s*\)?\s+|DISTINCT\s+)?(?:\w+\.)?(?<column>\w+)(?:\s+AS\s+(?<alias>\w+))?\s+FROM\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

        /// <summary>What a SQL read returns: of <paramref name="stored"/> (the commands' parameters), what is in the columns it reads, plus the entities' members of those names.</summary>
        public ContentValue SqlRowsOf(IInvocationOperation query, ContentValue stored, int depth, CancellationToken cancellationToken, out bool exact)
        {
            exact = true;
            var columns = ColumnsOf(query, out var scalar);
            if (columns.Count == 0)
            {
                return ContentValue.Empty;
            }

            var value = ContentValue.Empty;
            foreach (var piece in stored.Pieces)
            {
                if (piece.Origin.IsStoredCopy && columns.Any(c => string.Equals(c, piece.Origin.Member, StringComparison.OrdinalIgnoreCase)))
                {
                    value = value.Combine(ContentValue.Of(scalar ? new Piece(piece.Origin.Parent!, piece.Facts) : piece));
                }
            }

            foreach (var column in columns)
            {
                foreach (var member in ColumnMembers(column, cancellationToken))
                {
                    var held = ReadStoredMember(member, depth, cancellationToken, out var memberExact);
                    exact &= memberExact;
                    value = value.Combine(scalar ? held : held.Map(p => ContentValue.Of(new Piece(p.Origin.StoredIn(column), p.Facts))));
                }
            }

            return value;
        }

        /// <summary>The members a query's columns may have been saved from (what the relevance test asks, as for a library query's entities).</summary>
        public IEnumerable<ISymbol> SqlColumnMembers(IInvocationOperation query, CancellationToken cancellationToken) =>
            ColumnsOf(query, out _).SelectMany(column => ColumnMembers(column, cancellationToken));

        /// <summary>The columns a query reads: its row type's properties, or the single column a scalar query selects.</summary>
        private List<string> ColumnsOf(IInvocationOperation query, out bool scalar)
        {
            var rowTypes = query.Type is { } type ? EntityTypesIn(type, 0).ToList() : new List<INamedTypeSymbol>();
            scalar = rowTypes.Count == 0;
            return !scalar
                ? rowTypes.SelectMany(r => r.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic).Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList()
                : SelectedColumn(query) is { } selected ? new List<string> { selected } : new List<string>();
        }

        /// <summary>Storable members of this name that some body that may generate content writes.</summary>
        private IEnumerable<ISymbol> ColumnMembers(string column, CancellationToken cancellationToken) =>
            WritersByName(column, cancellationToken).Keys.Where(m => IsStorable(m) && MayBeStoredWithGeneratedContent(m, cancellationToken));

        /// <summary>The one column a scalar query selects (<c>SELECT PlainLanguage FROM ...</c>), from its SQL text, or null.</summary>
        private static string? SelectedColumn(IInvocationOperation query)
        {
            foreach (var argument in query.Arguments)
            {
                var sql = SqlText(argument.Value);
                if (sql != null && SingleColumn.Match(sql) is { Success: true } match)
                {
                    return match.Groups["alias"].Success ? match.Groups["alias"].Value : match.Groups["column"].Value;
                }
            }

            return null;
        }

        private static string? SqlText(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation.ConstantValue is { HasValue: true, Value: string text })
            {
                return text;
            }

            // new CommandDefinition("SELECT ...", parameters, ...): the command's text is its first argument.
            return operation is IObjectCreationOperation { Arguments.Length: > 0 } creation ? SqlText(creation.Arguments[0].Value) : null;
        }
    }
}
