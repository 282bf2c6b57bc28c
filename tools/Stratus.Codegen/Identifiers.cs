namespace Stratus.Codegen;

/// <summary>Turns AWS shape and member names into legal, readable C# identifiers.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    // Names that would clash with members every generated class has, or with types the generated code uses.
    private static readonly HashSet<string> ReservedTypes = new(StringComparer.Ordinal)
    {
        "Task", "String", "Object", "Exception", "Type", "Attribute", "Action", "Func", "Stream", "Version",
        "Environment", "Buffer", "Tuple", "Timer", "Encoding", "Range", "Index",
    };

    public static string Type(string shapeName)
    {
        var name = Clean(shapeName.TrimStart('_'));
        if (name.Length > 0 && char.IsLower(name[0])) name = char.ToUpperInvariant(name[0]) + name[1..];
        return ReservedTypes.Contains(name) ? name + "Shape" : name;
    }

    public static string Member(string memberName, string className)
    {
        var name = Clean(memberName);
        if (name.Length > 0 && char.IsLower(name[0])) name = char.ToUpperInvariant(name[0]) + name[1..];
        if (name == className) name += "Value";
        if (name is "GetType" or "ToString" or "Equals" or "GetHashCode" or "FirstMissingRequired") name += "Value";
        return Keywords.Contains(name) ? "@" + name : name;
    }

    private static string Clean(string raw)
    {
        var chars = raw.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        var name = new string(chars);
        return name.Length > 0 && char.IsDigit(name[0]) ? "_" + name : name;
    }

    public static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
