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
    /// case), and tables told apart only where constant SQL text names them. A row type's members name its columns; a
    /// scalar query's single selected column is read from its SQL text.
    /// </summary>
    internal sealed partial class FlowEngine
    {
        private static readonly Regex SingleColumn = new Regex(
            @"^\s*SELECT\s+(?:TOP\s*\(?\s*\d+\s*\)?\s+|DISTINCT\s+)?(?:\w+\.)?(?<column>\w+)(?:\s+AS\s+(?<alias>\w+))?\s+FROM\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

        private static readonly Regex WriteTable = new Regex(@"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|REPLACE\s+INTO)\s+[\[""`]?(?<table>\w+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

        private static readonly Regex ReadTable = new Regex(@"\bFROM\s+[\[""`]?(?<table>\w+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

        /// <summary>The table a command writes (<c>INSERT INTO listings ...</c>), from its SQL text, or null.</summary>
        public string? WrittenTable(IInvocationOperation command, CancellationToken cancellationToken) => TableOf(command, WriteTable, cancellationToken);

        /// <summary>Stored copies of a command's parameters as columns of its table (<c>listings.Title</c>), so reads of other tables do not see them.</summary>
        public static ContentValue InTable(ContentValue stored, string? table) =>
            table == null ? stored : stored.Map(p => ContentValue.Of(StoredWhole(p) is var whole && whole.Origin.Member is { } member && whole.Origin.Parent != null && member.IndexOf('.') < 0
                ? new Piece(whole.Origin.RenamedStore(table + "." + member), whole.Facts)
                : whole));

        private string? TableOf(IInvocationOperation command, Regex pattern, CancellationToken cancellationToken)
        {
            foreach (var argument in command.Arguments)
            {
                if (Models.Written(argument.Value, cancellationToken) is { } written && SqlText(written) is { } sql && pattern.Match(sql) is { Success: true } match)
                {
                    return match.Groups["table"].Value;
                }
            }

            return null;
        }

        /// <summary>Whether a stored copy's member (<c>Title</c> or <c>listings.Title</c>) is this column of the table read (null: any).</summary>
        private static bool IsColumn(string stored, string column, string? table)
        {
            var dot = stored.IndexOf('.');
            if (dot < 0)
            {
                return string.Equals(stored, column, StringComparison.OrdinalIgnoreCase);
            }

            return (table == null || string.Equals(stored.Substring(0, dot), table, StringComparison.OrdinalIgnoreCase)) &&
                   string.Equals(stored.Substring(dot + 1), column, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>What a SQL read returns: of <paramref name="stored"/> (the commands' parameters), what is in the columns it reads, plus the entities' members of those names.</summary>
        public ContentValue SqlRowsOf(IInvocationOperation query, ContentValue stored, int depth, CancellationToken cancellationToken, out bool exact)
        {
            exact = true;
            var columns = ColumnsOf(query, cancellationToken, out var rowTypes);
            var scalar = rowTypes.Count == 0;
            if (columns.Count == 0)
            {
                return ContentValue.Empty;
            }

            var table = TableOf(query, ReadTable, cancellationToken);
            var value = ContentValue.Empty;
            foreach (var piece in stored.Pieces)
            {
                var column = piece.Origin.IsStoredCopy ? columns.FirstOrDefault(c => IsColumn(piece.Origin.Member!, c, table)) : null;
                if (column != null)
                {
                    // The row's member of that name holds it (its table prefix dropped), or a scalar query returns it.
                    value = value.Combine(ContentValue.Of(scalar ? new Piece(piece.Origin.Parent!, piece.Facts) : new Piece(piece.Origin.RenamedStore(column), piece.Facts)));
                }
            }

            foreach (var column in columns)
            {
                foreach (var member in ColumnMembers(rowTypes, column, cancellationToken))
                {
                    var held = ReadStoredMember(member, depth, cancellationToken, out var memberExact);
                    exact &= memberExact;
                    value = value.Combine(scalar ? held : held.Map(p => ContentValue.Of(new Piece(p.Origin.StoredIn(column), p.Facts))));
                }
            }

            return value;
        }

        /// <summary>The members a query's columns may have been saved from (what the relevance test asks, as for a library query's entities).</summary>
        public IEnumerable<ISymbol> SqlColumnMembers(IInvocationOperation query, CancellationToken cancellationToken)
        {
            var columns = ColumnsOf(query, cancellationToken, out var rowTypes);
            return columns.SelectMany(column => ColumnMembers(rowTypes, column, cancellationToken));
        }

        /// <summary>
        /// The columns a query reads: its row types' properties (<paramref name="rowTypes"/>, types declared here), or the
        /// single column a scalar query selects (no row types).
        /// </summary>
        private List<string> ColumnsOf(IInvocationOperation query, CancellationToken cancellationToken, out List<INamedTypeSymbol> rowTypes)
        {
            rowTypes = query.Type is { } type ? EntityTypesIn(type, 0).Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).ToList() : new List<INamedTypeSymbol>();
            return rowTypes.Count > 0
                ? rowTypes.SelectMany(r => r.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic).Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList()
                : SelectedColumn(query, cancellationToken) is { } selected ? new List<string> { selected } : new List<string>();
        }

        /// <summary>
        /// Storable members of this name that some body that may generate content writes. A row type that is itself written
        /// (an entity saved with Dapper) holds only what its own members were given; a read model nobody writes (a
        /// <c>DraftRow</c> over the table an EF entity is saved to) holds what any member of the name was given.
        /// </summary>
        private IEnumerable<ISymbol> ColumnMembers(List<INamedTypeSymbol> rowTypes, string column, CancellationToken cancellationToken)
        {
            var candidates = WritersByName(column, cancellationToken).Keys.Where(m => IsStorable(m) && MayBeStoredWithGeneratedContent(m, cancellationToken));
            return rowTypes.Any(r => IsWrittenType(r, cancellationToken))
                ? candidates.Where(m => rowTypes.Any(r => SymbolEqualityComparer.Default.Equals(m.ContainingType?.OriginalDefinition, r)))
                : candidates;
        }

        /// <summary>Whether some member of a type declared here is assigned anywhere (asked once per type).</summary>
        private bool IsWrittenType(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            _writtenTypes.GetOrAdd(type, t => t.GetMembers().Any(m => m is IPropertySymbol or IFieldSymbol && WritersByName(m.Name, cancellationToken).ContainsKey(m)));

        private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, bool> _writtenTypes =
            new System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>The one column a scalar query selects (<c>SELECT PlainLanguage FROM ...</c>), from its SQL text, or null.</summary>
        private string? SelectedColumn(IInvocationOperation query, CancellationToken cancellationToken)
        {
            foreach (var argument in query.Arguments)
            {
                var sql = Models.Written(argument.Value, cancellationToken) is { } written ? SqlText(written) : null;
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
