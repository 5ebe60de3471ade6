using System;
using System.Linq;
using DeepSynth.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSynth.Analyzers.Flow
{
    /// <summary>
    /// A branch on whether a chat message is the user's: <c>if (message.Role == ChatRole.User)</c>. A conversation holds
    /// the user's messages and the model's together, so the engine cannot tell them apart by value; a chat UI renders
    /// them in separate branches of this check, and on the user's branch the message holds nothing the model generated.
    /// The roles are catalogue rows (<see cref="KnownApis.UserRoles"/>), and so is a string role compared with "user".
    /// </summary>
    internal static class UserRoleChecks
    {
        /// <summary>
        /// The message a branch condition tests for the user role, and on which outcome it is the user's (true for
        /// <c>==</c>, false for <c>!=</c> or a negation); null for any other condition.
        /// </summary>
        public static (SlotKey Message, bool WhenTrue)? Of(IOperation? condition)
        {
            var whenTrue = true;
            while (true)
            {
                switch (condition)
                {
                    case IConversionOperation conversion:
                        condition = conversion.Operand;
                        continue;
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                        whenTrue = !whenTrue;
                        condition = not.Operand;
                        continue;
                }

                break;
            }

            if (condition is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison)
            {
                return null;
            }

            var role = RoleRead(comparison.LeftOperand) is { } left && IsUserRole(comparison.RightOperand) ? left
                : RoleRead(comparison.RightOperand) is { } right && IsUserRole(comparison.LeftOperand) ? right
                : null;
            if (role?.Instance == null || OperationInterpreter.TrackedKey(role.Instance) is not { } message)
            {
                return null;
            }

            return (message, comparison.OperatorKind == BinaryOperatorKind.Equals ? whenTrue : !whenTrue);
        }

        /// <summary><c>message.Role</c>, or the role's text <c>message.Role.Value</c>: a member of that name read from a message.</summary>
        private static IMemberReferenceOperation? RoleRead(IOperation operand)
        {
            var read = Unwrap(operand) as IMemberReferenceOperation;
            if (read is { Member.Name: "Value", Instance: { } role })
            {
                read = Unwrap(role) as IMemberReferenceOperation;
            }

            return read is { Member.Name: KnownApis.RoleMemberName } ? read : null;
        }

        private static bool IsUserRole(IOperation operand)
        {
            switch (Unwrap(operand))
            {
                case IPropertyReferenceOperation { Property: { IsStatic: true } property }:
                    return KnownApis.UserRoles.Any(row => row.Names(property));
                case IFieldReferenceOperation { Field: { IsStatic: true } field }:
                    return KnownApis.UserRoles.Any(row => row.Names(field));
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } }:
                    return string.Equals(text, KnownApis.UserRoleText, StringComparison.OrdinalIgnoreCase);
                default:
                    return false;
            }
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
