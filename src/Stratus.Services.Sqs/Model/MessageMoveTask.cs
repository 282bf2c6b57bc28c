namespace Stratus.Services.Sqs.Model;

/// <summary>A redrive of messages out of a dead-letter queue (StartMessageMoveTask); mutated under its own lock.</summary>
internal sealed class MessageMoveTask
{
    public required string Handle { get; init; }
    public required string SourceArn { get; init; }
    public string? DestinationArn { get; init; }
    public int? MaxPerSecond { get; init; }
    public required long StartedAt { get; init; }
    public required long ToMove { get; init; }
    public long Moved { get; set; }
    public string Status { get; set; } = "RUNNING";
    public string? FailureReason { get; set; }
    public CancellationTokenSource Cancel { get; } = new();
}
