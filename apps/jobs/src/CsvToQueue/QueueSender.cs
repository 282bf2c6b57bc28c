using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using Jobs.Core;

namespace Jobs.CsvToQueue;

/// <summary>
/// Sends job offers with SendMessageBatch, ten per call, several calls in flight, retrying entries SQS reports as
/// failed. Disposing waits for every batch; a batch that still fails after retries fails the invocation, so the
/// S3 event is retried (writes downstream are idempotent).
/// </summary>
public sealed class QueueSender(IAmazonSQS sqs, string queueUrl)
{
    private const int MaxInFlight = 8;
    private const int MaxAttempts = 5;

    public Batches Start() => new(this);

    public sealed class Batches : IAsyncDisposable
    {
        private readonly QueueSender _sender;
        private readonly SemaphoreSlim _slots = new(MaxInFlight);
        private readonly List<Task> _running = [];
        private List<SendMessageBatchRequestEntry> _current = [];

        internal Batches(QueueSender sender) => _sender = sender;

        public async Task AddAsync(JobOffer offer)
        {
            var body = JsonSerializer.Serialize(offer, JobsJsonContext.Default.JobOffer);
            _current.Add(new SendMessageBatchRequestEntry(_current.Count.ToString(CultureInfo.InvariantCulture), body));
            if (_current.Count == 10) await FlushAsync().ConfigureAwait(false);
        }

        private async Task FlushAsync()
        {
            if (_current.Count == 0) return;
            var entries = _current;
            _current = [];
            await _slots.WaitAsync().ConfigureAwait(false);
            _running.RemoveAll(t => t.IsCompletedSuccessfully);
            foreach (var failed in _running.Where(t => t.IsFaulted).ToList()) await failed.ConfigureAwait(false);
            _running.Add(SendAsync(entries));
        }

        private async Task SendAsync(List<SendMessageBatchRequestEntry> entries)
        {
            try
            {
                await _sender.SendWithRetriesAsync(entries).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await FlushAsync().ConfigureAwait(false);
            await Task.WhenAll(_running).ConfigureAwait(false);
            _slots.Dispose();
        }
    }

    private async Task SendWithRetriesAsync(List<SendMessageBatchRequestEntry> entries)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await sqs.SendMessageBatchAsync(queueUrl, entries).ConfigureAwait(false);
            var failed = response.Failed ?? [];
            if (failed.Count == 0) return;
            if (attempt == MaxAttempts || failed.Any(f => f.SenderFault == true))
            {
                throw new InvalidOperationException($"{failed.Count} messages could not be sent: {failed[0].Code} {failed[0].Message}");
            }
            var ids = failed.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            entries = entries.Where(e => ids.Contains(e.Id)).ToList();
            // Back off before retrying what SQS could not take (a server-side fault).
            await Task.Delay(TimeSpan.FromMilliseconds(50 * Math.Pow(2, attempt))).ConfigureAwait(false);
        }
    }
}
