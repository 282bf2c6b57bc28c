namespace Jobs.Core;

/// <summary>Reads job offers from a CSV stream: a header row, then one offer per record, each valid or rejected.</summary>
public sealed class JobOfferCsv
{
    private readonly CsvRecordReader _reader;
    private Dictionary<string, int>? _header;
    private int _width;

    public JobOfferCsv(TextReader reader) => _reader = new CsvRecordReader(reader);

    /// <summary>Reads the header; throws <see cref="CsvFormatException"/> when required columns are missing.</summary>
    public async Task ReadHeaderAsync(CancellationToken cancellationToken = default)
    {
        var header = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new CsvFormatException(1, "the file is empty: a header row is required");
        _width = header.Fields.Count;
        _header = new Dictionary<string, int>(StringComparer.Ordinal);
        // A BOM the decoder did not consume (e.g. text read from a string) is not part of the first column's name.
        for (var i = 0; i < header.Fields.Count; i++) _header.TryAdd(header.Fields[i].Trim().TrimStart('\uFEFF'), i);
        var missing = JobOfferRules.RequiredColumns.Where(c => !_header.ContainsKey(c)).ToList();
        if (missing.Count > 0) throw new CsvFormatException(1, "the header lacks column(s) " + string.Join(", ", missing));
    }

    /// <summary>The next row as an offer or a rejection; null at the end.</summary>
    public async Task<(JobOffer? Offer, RejectedRow? Rejected)?> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_header is null) throw new InvalidOperationException("read the header first");
        CsvRecord? record;
        try
        {
            record = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException e)
        {
            return (null, new RejectedRow(e.Line, e.Message, []));
        }
        if (record is null) return null;
        if (record.Fields.Count != _width)
        {
            return (null, new RejectedRow(record.Line, $"expected {_width} fields, found {record.Fields.Count}", record.Fields));
        }
        var offer = JobOffer.FromRow(record.Fields, _header);
        var errors = JobOfferRules.Validate(offer);
        return errors.Count == 0 ? (offer, null) : (null, new RejectedRow(record.Line, JobOfferRules.Describe(errors), record.Fields));
    }
}
