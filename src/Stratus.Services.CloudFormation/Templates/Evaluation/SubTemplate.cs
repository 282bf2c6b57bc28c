using System.Text;

namespace Stratus.Services.CloudFormation.Templates.Evaluation;

/// <summary>
/// The parts of a Fn::Sub string: literal text and <c>${Name}</c> / <c>${Resource.Attribute}</c> placeholders.
/// <c>${!Literal}</c> is the escape for a literal "${Literal}" and is kept as text.
/// </summary>
internal readonly record struct SubPart(bool IsVariable, string Text);

internal static class SubTemplate
{
    public static IReadOnlyList<SubPart> Parse(string text)
    {
        var parts = new List<SubPart>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }
            var end = text.IndexOf('}', start + 2);
            if (end < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }
            literal.Append(text, i, start - i);
            var name = text[(start + 2)..end];
            if (name.StartsWith('!'))
            {
                literal.Append("${").Append(name, 1, name.Length - 1).Append('}');
            }
            else
            {
                if (literal.Length > 0)
                {
                    parts.Add(new SubPart(false, literal.ToString()));
                    literal.Clear();
                }
                parts.Add(new SubPart(true, name.Trim()));
            }
            i = end + 1;
        }
        if (literal.Length > 0)
        {
            parts.Add(new SubPart(false, literal.ToString()));
        }
        return parts;
    }

    /// <summary>The names a Fn::Sub string references, for dependency analysis.</summary>
    public static IEnumerable<string> Variables(string text) =>
        Parse(text).Where(p => p.IsVariable).Select(p => p.Text);
}
