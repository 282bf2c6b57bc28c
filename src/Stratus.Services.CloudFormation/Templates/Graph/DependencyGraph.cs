using Stratus.Services.CloudFormation.Templates.Evaluation;

namespace Stratus.Services.CloudFormation.Templates.Graph;

/// <summary>
/// The dependencies between the resources of one stack operation — explicit (DependsOn) and implicit (Ref, Fn::GetAtt,
/// Fn::Sub) — with a creation order that puts every resource after what it depends on, and the reverse for deletion.
/// Ties keep template order, so plans are deterministic.
/// </summary>
public sealed class DependencyGraph
{
    private readonly Dictionary<string, IReadOnlyList<string>> _dependencies;
    private readonly Dictionary<string, List<string>> _dependents;

    private DependencyGraph(
        IReadOnlyList<string> order,
        Dictionary<string, IReadOnlyList<string>> dependencies,
        IReadOnlyList<IReadOnlyList<string>> waves)
    {
        CreationOrder = order;
        DeletionOrder = [.. order.Reverse()];
        _dependencies = dependencies;
        Waves = waves;
        _dependents = order.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (id, deps) in dependencies)
        {
            foreach (var dep in deps)
            {
                _dependents[dep].Add(id);
            }
        }
    }

    /// <summary>Every resource after all of its dependencies.</summary>
    public IReadOnlyList<string> CreationOrder { get; }

    /// <summary>Every resource before all of its dependencies (the reverse of <see cref="CreationOrder"/>).</summary>
    public IReadOnlyList<string> DeletionOrder { get; }

    /// <summary>Groups that can be created concurrently: each wave depends only on earlier waves.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Waves { get; }

    public IReadOnlyList<string> DependenciesOf(string logicalId) =>
        _dependencies.TryGetValue(logicalId, out var deps) ? deps : [];

    public IReadOnlyList<string> DependentsOf(string logicalId) =>
        _dependents.TryGetValue(logicalId, out var deps) ? deps : [];

    /// <summary>
    /// Builds the graph of the active resources (those whose Condition holds). References to parameters and pseudo
    /// parameters are not dependencies; references to anything else that is not an active resource fail with
    /// CloudFormation's "Unresolved resource dependencies" error.
    /// </summary>
    public static DependencyGraph Build(
        IReadOnlyList<ResourceDeclaration> resources,
        IReadOnlySet<string> parameterNames,
        IReadOnlyDictionary<string, bool>? conditions = null)
    {
        var ids = resources.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);
        var dependencies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var unresolved = new List<string>();
        foreach (var resource in resources)
        {
            var deps = new List<string>();
            foreach (var reference in ReferenceScanner.Scan(resource.Properties, conditions))
            {
                if (StackContext.IsPseudoParameter(reference.Target) || parameterNames.Contains(reference.Target))
                {
                    continue;
                }
                AddDependency(reference.Target, ids, deps, unresolved);
            }
            foreach (var explicitDependency in resource.DependsOn)
            {
                AddDependency(explicitDependency, ids, deps, unresolved);
            }
            deps.Remove(resource.LogicalId);
            dependencies[resource.LogicalId] = deps;
        }
        if (unresolved.Count > 0)
        {
            throw TemplateValidationException.Format(
                $"Unresolved resource dependencies [{string.Join(", ", unresolved.Distinct())}] in the Resources block of the template");
        }
        var selfReferences = resources.Where(r => ReferencesItself(r, conditions)).Select(r => r.LogicalId).ToList();
        if (selfReferences.Count > 0)
        {
            throw new TemplateValidationException($"Circular dependency between resources: [{string.Join(", ", selfReferences)}]");
        }
        var (order, waves) = Sort(resources, dependencies);
        return new DependencyGraph(order, dependencies, waves);
    }

    private static void AddDependency(string target, HashSet<string> ids, List<string> deps, List<string> unresolved)
    {
        if (!ids.Contains(target))
        {
            unresolved.Add(target);
        }
        else if (!deps.Contains(target))
        {
            deps.Add(target);
        }
    }

    private static bool ReferencesItself(ResourceDeclaration resource, IReadOnlyDictionary<string, bool>? conditions) =>
        resource.DependsOn.Contains(resource.LogicalId)
        || ReferenceScanner.Scan(resource.Properties, conditions).Any(r => r.Target == resource.LogicalId);

    private static (IReadOnlyList<string> Order, IReadOnlyList<IReadOnlyList<string>> Waves) Sort(
        IReadOnlyList<ResourceDeclaration> resources, Dictionary<string, IReadOnlyList<string>> dependencies)
    {
        var remaining = resources.Select(r => r.LogicalId).ToList();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>(remaining.Count);
        var waves = new List<IReadOnlyList<string>>();
        while (remaining.Count > 0)
        {
            var wave = remaining.Where(id => dependencies[id].All(placed.Contains)).ToList();
            if (wave.Count == 0)
            {
                throw new TemplateValidationException(
                    $"Circular dependency between resources: [{string.Join(", ", CycleMembers(remaining, dependencies))}]");
            }
            waves.Add(wave);
            order.AddRange(wave);
            placed.UnionWith(wave);
            remaining.RemoveAll(placed.Contains);
        }
        return (order, waves);
    }

    /// <summary>The unplaced resources that sit on a cycle (not merely downstream of one), in template order.</summary>
    private static IEnumerable<string> CycleMembers(List<string> remaining, Dictionary<string, IReadOnlyList<string>> dependencies)
    {
        var set = remaining.ToHashSet(StringComparer.Ordinal);
        return remaining.Where(id => Reaches(id, id, set, dependencies));
    }

    private static bool Reaches(string from, string target, HashSet<string> within, Dictionary<string, IReadOnlyList<string>> dependencies)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(dependencies[from].Where(within.Contains));
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (next == target)
            {
                return true;
            }
            if (seen.Add(next))
            {
                foreach (var dep in dependencies[next].Where(within.Contains))
                {
                    stack.Push(dep);
                }
            }
        }
        return false;
    }
}
