using CsvHelper;
using Stratus.Lambda;
using Stratus.Lambda.Events;

namespace Stratus.Lambda.TestFunctions;

public sealed class Person
{
    public string? Name { get; set; }

    public DateTime Born { get; set; }
}

public sealed class Greeting
{
    public string? Message { get; set; }

    public string? RequestId { get; set; }

    public int Instances { get; set; }

    public string? Nothing { get; set; }
}

/// <summary>Class-library handlers the bootstrap tests load through _HANDLER.</summary>
public sealed class Functions
{
    private static int s_instances;

    public Functions() => Interlocked.Increment(ref s_instances);

    public async Task<Greeting> GreetAsync(Person person, ILambdaContext context)
    {
        await Task.Yield();
        context.Logger.LogInformation($"greeting {person.Name}");
        Console.WriteLine($"console says hi to {person.Name}");
        return new Greeting
        {
            Message = $"Hello {person.Name}, born {person.Born:yyyy-MM-dd}",
            RequestId = context.AwsRequestId,
            Instances = Volatile.Read(ref s_instances),
        };
    }

    public string Upper(string input) => input.ToUpperInvariant();

    public Stream Reverse(Stream input)
    {
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return new MemoryStream(copy.ToArray().Reverse().ToArray());
    }

    public void Nothing(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
    }

    public Task Fail(Person person) => throw new InvalidOperationException($"{person.Name} is not welcome");

    public async ValueTask<int> Sum(List<int> numbers)
    {
        await Task.Yield();
        return numbers.Sum();
    }

    // Touching a third-party type makes the runtime load its assembly, which only the task root has.
    public string DependencyLocation(string input) => $"{input}:{Path.GetFileName(typeof(CsvReader).Assembly.Location)}";

    public string Overloaded(string value) => value;

    public int Overloaded(int value) => value;
}

/// <summary>A static handler over an AWS event type.</summary>
public static class QueueFunctions
{
    public static SQSBatchResponse Handle(SQSEvent sqsEvent) => new()
    {
        BatchItemFailures = sqsEvent.Records
            .Where(record => record.Body == "fail")
            .Select(record => new BatchItemFailure { ItemIdentifier = record.MessageId })
            .ToList(),
    };
}

public sealed class BrokenConstructor
{
    public BrokenConstructor() => throw new ArithmeticException("Sorry, 2 + 2 = 5");

    public string Handle(string input) => input;
}
