using System;
using Microsoft.CodeAnalysis;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>Where a piece of tracked content comes from.</summary>
    internal enum OriginKind
    {
        /// <summary>A generation call: the output of a model.</summary>
        Generation = 0,
        /// <summary>Data supplied by a user of the service (request body, query, hub argument, bot message).</summary>
        UserInput = 1,
        /// <summary>A parameter of the method being summarised; replaced by the argument at each call site.</summary>
        Parameter = 2,
    }

    /// <summary>The media kind of generated content; it decides which label satisfies GB 45438.</summary>
    internal enum MediaKind
    {
        Text = 0,
        Image = 1,
        Audio = 2,
        Video = 3,
    }

    /// <summary>
    /// The origin of a piece of content: a generation call, a user input or a parameter. Origins compare by
    /// value (kind, location, member), so the same call analysed twice yields the same origin.
    /// </summary>
    internal sealed class Origin : IEquatable<Origin>, IComparable<Origin>
    {
        private readonly int _hashCode;

        private Origin(OriginKind kind, Location location, string description, MediaKind media, int parameterOrdinal, Origin? parent, string? member, ISymbol? readMember = null)
        {
            Kind = kind;
            Location = location;
            Description = description;
            Media = media;
            ParameterOrdinal = parameterOrdinal;
            Parent = parent;
            Member = member;
            ReadMember = readMember;
            _hashCode = HashCode(kind, location, parameterOrdinal, parent, member) ^ (readMember == null ? 0 : 17);
        }

        public OriginKind Kind { get; }

        /// <summary>Where the content enters the program (the generation call, the parameter, the request read).</summary>
        public Location Location { get; }

        /// <summary>A short, culture-neutral name for messages, e.g. "IChatClient.GetResponseAsync".</summary>
        public string Description { get; }

        public MediaKind Media { get; }

        /// <summary>For <see cref="OriginKind.Parameter"/>: the parameter's ordinal.</summary>
        public int ParameterOrdinal { get; }

        /// <summary>For user input read through a member (request.Message): the whole input it was read from.</summary>
        public Origin? Parent { get; }

        public string? Member { get; }

        public static Origin Generation(Location location, string description, MediaKind media) =>
            new Origin(OriginKind.Generation, location, description, media, -1, null, null);

        public static Origin UserInput(Location location, string description) =>
            new Origin(OriginKind.UserInput, location, description, MediaKind.Text, -1, null, null);

        public static Origin Parameter(IParameterSymbol parameter, Location location) =>
            new Origin(OriginKind.Parameter, location, parameter.Name, MediaKind.Text, parameter.Ordinal, null, null);

        /// <summary>The <see cref="ParameterOrdinal"/> of <see cref="Receiver"/>.</summary>
        public const int ReceiverOrdinal = -2;

        /// <summary>
        /// The object a data type's method was called on (<c>response.FirstText()</c> reading its own <c>Output</c>): a
        /// parameter like the others, replaced at each call site by the receiver's value (see FlowEngine.IsDataType).
        /// </summary>
        public static Origin Receiver(Location location) =>
            new Origin(OriginKind.Parameter, location, "this", MediaKind.Text, ReceiverOrdinal, null, null);

        /// <summary>The part of a user input read through <paramref name="member"/> (request.Message).</summary>
        public Origin WithMember(string member)
        {
            if (Kind != OriginKind.UserInput || Member != null)
            {
                return this;
            }

            return new Origin(Kind, Location, Description + "." + member, Media, ParameterOrdinal, this, member);
        }

        /// <summary>
        /// For a parameter read through a member in the method that has it (<c>note.Title</c> of <c>ToView(Note note)</c>):
        /// the member. At each call site the piece stands for that member of the argument, not the whole argument
        /// (<c>OperationInterpreter.Instantiate</c>), so a DTO mapped from an entity does not get every text of the entity in
        /// its id.
        /// </summary>
        public ISymbol? ReadMember { get; }

        /// <summary>True for a parameter's member read (see <see cref="ReadMember"/>).</summary>
        public bool IsMemberRead => ReadMember != null;

        /// <summary>The parameter's content read through <paramref name="member"/>; one level only (a deeper read stays this one).</summary>
        public Origin ReadThrough(ISymbol member) =>
            Kind == OriginKind.Parameter && Member == null
                ? new Origin(Kind, Location, Description + "." + member.Name, Media, ParameterOrdinal, this, member.Name, member)
                : this;

        /// <summary>
        /// The whole parameter a member read was made from: a store keeps the argument's content whole, as before member reads
        /// were told apart (a stored member read would otherwise need both the member read and the member it is stored in).
        /// </summary>
        public Origin WithoutMemberRead => IsMemberRead ? Parent! : this;

        /// <summary>
        /// Generated content as a store holds it in <paramref name="member"/> of an object read back (an entity from a
        /// database, a repository, a deserializer): reading that member yields the generation itself (<see cref="Parent"/>),
        /// reading another member yields nothing of it. Facts established for the generation cover the stored copy.
        /// </summary>
        /// <remarks>
        /// A parameter stored so (a repository saving <c>new { productId, body }</c>) keeps the member too: the caller puts
        /// its argument's generations there (<c>OperationInterpreter.Instantiate</c>), so a row's other members stay clean.
        /// </remarks>
        public Origin StoredIn(string member) =>
            IsMemberRead ? Parent!.StoredIn(member) :
            (Kind == OriginKind.Generation || Kind == OriginKind.Parameter) && Member == null ? new Origin(Kind, Location, Description, Media, ParameterOrdinal, this, member) : this;

        /// <summary>The same stored copy held in another member's name (a SQL column qualified by its table: <c>listings.Title</c>).</summary>
        public Origin RenamedStore(string member) =>
            IsMemberRead ? Parent!.StoredIn(member) :
            Member != null && Parent != null ? new Origin(Kind, Location, Description, Media, ParameterOrdinal, Parent, member) : this;

        /// <summary>A generation as a read-back object holds it in <see cref="Member"/> (see <see cref="StoredIn"/>).</summary>
        public bool IsStoredCopy => Kind == OriginKind.Generation && Member != null && Parent != null;

        /// <summary>True when this origin or a whole input it was read from is in <paramref name="origins"/>.</summary>
        public bool IsCoveredBy(System.Collections.Generic.ICollection<Origin> origins)
        {
            for (var origin = this; origin != null; origin = origin.Parent)
            {
                if (origins.Contains(origin))
                {
                    return true;
                }
            }

            return false;
        }

        public bool Equals(Origin? other) =>
            other is not null &&
            (ReferenceEquals(this, other) ||
             (_hashCode == other._hashCode &&
              Kind == other.Kind &&
              ParameterOrdinal == other.ParameterOrdinal &&
              Member == other.Member &&
              IsMemberRead == other.IsMemberRead &&
              Location.Equals(other.Location) &&
              Equals(Parent, other.Parent)));

        public override bool Equals(object? obj) => obj is Origin other && Equals(other);

        public override int GetHashCode() => _hashCode;

        /// <summary>A total order that does not depend on analysis order: file, position, kind, member.</summary>
        public int CompareTo(Origin? other)
        {
            if (other is null)
            {
                return 1;
            }

            var result = string.CompareOrdinal(Location.SourceTree?.FilePath, other.Location.SourceTree?.FilePath);
            if (result != 0)
            {
                return result;
            }

            result = Location.SourceSpan.Start.CompareTo(other.Location.SourceSpan.Start);
            if (result != 0)
            {
                return result;
            }

            result = Kind.CompareTo(other.Kind);
            if (result != 0)
            {
                return result;
            }

            result = ParameterOrdinal.CompareTo(other.ParameterOrdinal);
            return result != 0 ? result : string.CompareOrdinal(Member, other.Member);
        }

        public override string ToString() => Kind + ":" + Description;

        private static int HashCode(OriginKind kind, Location location, int ordinal, Origin? parent, string? member)
        {
            unchecked
            {
                var hash = ((int)kind * 397) ^ location.SourceSpan.Start;
                hash = (hash * 397) ^ ordinal;
                hash = (hash * 397) ^ (member?.GetHashCode() ?? 0);
                hash = (hash * 397) ^ (parent?.GetHashCode() ?? 0);
                return (hash * 397) ^ (location.SourceTree?.FilePath.GetHashCode() ?? 0);
            }
        }
    }
}
