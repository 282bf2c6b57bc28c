using Jobs.Core;
using Xunit;

namespace Jobs.Tests;

public sealed class CsvRecordReaderTests
{
    private static async Task<List<CsvRecord>> ReadAllAsync(string text)
    {
        var reader = new CsvRecordReader(new StringReader(text));
        var records = new List<CsvRecord>();
        while (await reader.ReadAsync() is { } record) records.Add(record);
        return records;
    }

    [Fact]
    public async Task QuotedFieldsKeepCommasQuotesAndLineBreaks()
    {
        var records = await ReadAllAsync("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,,\"\"\n");
        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["plain", "", ""], records[2].Fields);
        Assert.Equal(4, records[2].Line);
    }

    [Theory]
    [InlineData("h1,h2\r\nv1,v2\r\n")]
    [InlineData("h1,h2\nv1,v2\n")]
    [InlineData("h1,h2\nv1,v2")]
    [InlineData("h1,h2\n\nv1,v2\n\n")]
    public async Task LineEndingsAndTrailingNewlinesDoNotMakeRecords(string text)
    {
        var records = await ReadAllAsync(text);
        Assert.Equal(2, records.Count);
        Assert.Equal(["v1", "v2"], records[1].Fields);
    }

    [Fact]
    public async Task AnUnclosedQuoteIsAFormatError()
    {
        var error = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync("a,b\n\"open,x\n"));
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task ReadsAcrossBufferBoundaries()
    {
        var longField = new string('x', 40_000);
        var records = await ReadAllAsync($"a,b\n\"{longField}\",\"q\"\"\"\n");
        Assert.Equal(longField, records[1].Fields[0]);
        Assert.Equal("q\"", records[1].Fields[1]);
    }
}
