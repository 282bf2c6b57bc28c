namespace Stratus.Services.Sqs.Model;

/// <summary>A queue's identity: account, region and name, from which its ARN and store key derive.</summary>
internal sealed record QueueId(string Account, string Region, string Name)
{
    public string Key { get; } = $"{Account}/{Region}/{Name}";

    public string Arn => $"arn:aws:sqs:{Region}:{Account}:{Name}";

    public bool IsFifoName => Name.EndsWith(".fifo", StringComparison.Ordinal);

    /// <summary>The queue URL on the host the caller used (e.g. http://localhost:4566/000000000000/jobs).</summary>
    public string UrlOn(string hostAndPort) => $"http://{hostAndPort}/{Account}/{Name}";

    public static QueueId? FromArn(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "sqs" ? new QueueId(parts[4], parts[3], parts[5]) : null;
    }

    /// <summary>
    /// Queue names: 1 to 80 characters of alphanumerics, hyphens and underscores, plus the .fifo suffix for FIFO
    /// queues (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html).
    /// </summary>
    public static bool IsValidName(string name)
    {
        var body = name.EndsWith(".fifo", StringComparison.Ordinal) ? name[..^5] : name;
        return name.Length is >= 1 and <= 80 && body.Length > 0 && body.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }
}
