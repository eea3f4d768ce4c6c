using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Alerts.Architecture.Tests;

/// <summary>
/// Every type a type uses, with where: its base type and interfaces, field types, member signatures, and in each method
/// body the locals and the types, methods and fields the IL refers to (generic arguments unwrapped). Compiler-generated
/// nested types (lambdas, async state machines, iterators) count as part of the type that declares them.
/// </summary>
public static class TypeReferences
{
    /// <summary>(where, the referenced type's full name) for <paramref name="type"/> and its nested types.</summary>
    public static IEnumerable<(string Where, TypeReference Type)> Of(TypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(type);
        foreach (var nested in type.NestedTypes)
        {
            foreach (var use in Of(nested))
            {
                yield return use;
            }
        }

        if (type.BaseType is not null)
        {
            yield return ("base type", type.BaseType);
        }

        foreach (var i in type.Interfaces)
        {
            yield return ("interface", i.InterfaceType);
        }

        foreach (var field in type.Fields)
        {
            yield return ($"field {field.Name}", field.FieldType);
        }

        foreach (var method in type.Methods)
        {
            var where = $"{type.Name}.{method.Name}";
            yield return ($"{where} return type", method.ReturnType);
            foreach (var p in method.Parameters)
            {
                yield return ($"{where} parameter {p.Name}", p.ParameterType);
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var local in method.Body.Variables)
            {
                yield return ($"{where} local", local.VariableType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                foreach (var used in Operand(instruction))
                {
                    yield return ($"{where} body ({instruction.OpCode})", used);
                }
            }
        }
    }

    /// <summary>The type and its generic arguments, element types and declaring types, each once.</summary>
    public static IEnumerable<TypeReference> Unwrap(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var t in Unwrap(generic.ElementType))
                {
                    yield return t;
                }

                foreach (var argument in generic.GenericArguments.SelectMany(Unwrap))
                {
                    yield return argument;
                }

                yield break;
            case TypeSpecification spec:
                foreach (var t in Unwrap(spec.ElementType))
                {
                    yield return t;
                }

                yield break;
            case GenericParameter:
                yield break;
            default:
                yield return type;
                break;
        }
    }

    /// <summary>The namespace a type lives in (a nested type: its outermost declaring type's).</summary>
    public static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference t:
                yield return t;
                break;
            case FieldReference f:
                yield return f.DeclaringType;
                yield return f.FieldType;
                break;
            case MethodReference m:
                yield return m.DeclaringType;
                yield return m.ReturnType;
                foreach (var p in m.Parameters)
                {
                    yield return p.ParameterType;
                }

                if (m is GenericInstanceMethod g)
                {
                    foreach (var a in g.GenericArguments)
                    {
                        yield return a;
                    }
                }

                break;
        }
    }
}
