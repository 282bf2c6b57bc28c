using System.Text.Json.Nodes;
using Stratus.Services.CloudFormation.Templates;
using Xunit;

namespace Stratus.CloudFormation.Tests.Templates;

public sealed class TemplateValuesTests
{
    [Fact]
    public void ScalarsAreReadWhicheverWayTheTemplateSpelledThem()
    {
        var properties = Template.Parse("Resources:\n  F:\n    Type: T\n    Properties:\n      A: 30\n      B: '30'\n      C: true\n      D: 'False'\n      E: [1, two, false]\n      G: {x: 1}\n")
            .Resources["F"]!["Properties"]!;
        Assert.Equal(30, TemplateValues.AsInteger(properties["A"]));
        Assert.Equal(30, TemplateValues.AsInteger(properties["B"]));
        Assert.Equal("30", TemplateValues.AsText(properties["A"]));
        Assert.True(TemplateValues.AsBoolean(properties["C"]));
        Assert.False(TemplateValues.AsBoolean(properties["D"]));
        Assert.Equal(["1", "two", "false"], TemplateValues.AsTextList(properties["E"]));
        Assert.Null(TemplateValues.AsText(properties["G"]));
        Assert.Null(TemplateValues.AsInteger(JsonValue.Create("thirty")));
    }

    [Fact]
    public void DuplicateJsonKeysAreNotWellFormed()
    {
        var error = Assert.Throws<TemplateValidationException>(() => Template.Parse("{\"Resources\": {\"A\": {\"Type\": \"X\"}, \"A\": {\"Type\": \"Y\"}}}"));
        Assert.StartsWith("Template format error: JSON not well-formed.", error.Message);
    }
}
