using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace DeepSynth.Compliance.Review
{
    /// <summary>
    /// The texts an input value holds (see <see cref="ContentReviewerExtensions.EnsureAllTextAllowedAsync"/>): what a
    /// request object can hand to a prompt. Values that cannot hold text (numbers, dates, enums, Guids, bytes) are
    /// skipped; everything else is read or the read fails.
    /// </summary>
    public static class TextMembers
    {
        /// <summary>How deep nested objects are followed (the request, its members, their members, ...).</summary>
        public const int MaxDepth = 4;

        public static IEnumerable<string> Of(object? value)
        {
            var texts = new List<string>();
            Collect(value, 0, new HashSet<object>(ReferenceComparer.Instance), texts);
            return texts;
        }

        private static void Collect(object? value, int depth, HashSet<object> visited, List<string> texts)
        {
            switch (value)
            {
                case null:
                    return;
                case string text:
                    texts.Add(text);
                    return;
                case char c:
                    texts.Add(c.ToString());
                    return;
            }

            var type = value.GetType();
            if (CannotHoldText(type) || !visited.Add(value))
            {
                return;
            }

            if (depth >= MaxDepth)
            {
                throw new ContentReviewIncompleteException($"'{type.FullName}' is nested more than {MaxDepth} levels deep; review its texts one by one.");
            }

            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    Collect(entry.Key, depth + 1, visited, texts);
                    Collect(entry.Value, depth + 1, visited, texts);
                }

                return;
            }

            if (value is IEnumerable sequence)
            {
                foreach (var item in sequence)
                {
                    Collect(item, depth + 1, visited, texts);
                }

                return;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).OrderBy(p => p.MetadataToken))
            {
                object? member;
                try
                {
                    member = property.GetValue(value);
                }
                catch (TargetInvocationException e)
                {
                    throw new ContentReviewIncompleteException($"'{type.FullName}.{property.Name}' could not be read for review: {e.InnerException?.Message}");
                }

                Collect(member, depth + 1, visited, texts);
            }
        }

        private static bool CannotHoldText(Type type) =>
            type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset) ||
            type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(byte[]) || typeof(Delegate).IsAssignableFrom(type) ||
            typeof(System.IO.Stream).IsAssignableFrom(type) || typeof(System.Threading.CancellationToken) == type || typeof(Type).IsAssignableFrom(type);

        private sealed class ReferenceComparer : IEqualityComparer<object>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

            public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
