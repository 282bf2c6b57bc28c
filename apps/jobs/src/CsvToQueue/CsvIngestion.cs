using System.Net;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Jobs.Core;
using Stratus.Lambda;
using Stratus.Lambda.Events;

namespace Jobs.CsvToQueue;

/// <summary>
/// Turns each uploaded CSV into queue messages: streams the object (never loads it whole), sends every valid row,
/// and writes the rows it rejects, with their line numbers and reasons, to job_offers/rejected/&lt;file&gt;.json.
/// </summary>
public sealed class CsvIngestion(IAmazonS3 s3, QueueSender sender)
{
    public const string RejectedPrefix = "job_offers/rejected/";

    public async Task HandleAsync(S3Event s3Event, ILambdaContext context)
    {
        foreach (var record in s3Event.Records)
        {
            var bucket = record.S3?.Bucket?.Name ?? throw new InvalidOperationException("an S3 record has no bucket");
            // S3 event keys are URL-encoded, with '+' for spaces.
            var key = WebUtility.UrlDecode(record.S3?.Object?.Key ?? throw new InvalidOperationException("an S3 record has no key"));
            if (key.StartsWith(RejectedPrefix, StringComparison.Ordinal)) continue;
            await IngestAsync(bucket, key, context).ConfigureAwait(false);
        }
    }

    private async Task IngestAsync(string bucket, string key, ILambdaContext context)
    {
        using var response = await s3.GetObjectAsync(bucket, key).ConfigureAwait(false);
        using var reader = new StreamReader(response.ResponseStream, detectEncodingFromByteOrderMarks: true);
        var csv = new JobOfferCsv(reader);
        var rejected = new List<RejectedRow>();
        var accepted = 0;
        try
        {
            await csv.ReadHeaderAsync().ConfigureAwait(false);
            await using var batches = sender.Start();
            while (await csv.ReadAsync().ConfigureAwait(false) is { } row)
            {
                if (row.Rejected is { } reject)
                {
                    rejected.Add(reject);
                    context.Logger.LogWarning($"{key} line {reject.Line} rejected: {reject.Reason}");
                    continue;
                }
                await batches.AddAsync(row.Offer!).ConfigureAwait(false);
                accepted++;
            }
        }
        catch (CsvFormatException e)
        {
            rejected.Add(new RejectedRow(e.Line, e.Message, []));
            context.Logger.LogWarning($"{key}: {e.Message}");
        }
        context.Logger.LogInformation($"{key}: {accepted} rows queued, {rejected.Count} rejected");
        if (rejected.Count > 0) await WriteRejectsAsync(bucket, key, accepted, rejected).ConfigureAwait(false);
    }

    private async Task WriteRejectsAsync(string bucket, string key, int accepted, List<RejectedRow> rejected)
    {
        var report = JsonSerializer.Serialize(new RejectsReport(key, accepted, rejected), JobsJsonContext.Default.RejectsReport);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = RejectedPrefix + Path.GetFileName(key) + ".json",
            ContentBody = report,
            ContentType = "application/json",
        }).ConfigureAwait(false);
    }
}
