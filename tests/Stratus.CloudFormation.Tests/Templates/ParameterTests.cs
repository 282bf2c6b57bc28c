using Stratus.Services.CloudFormation.Templates;
using Stratus.Services.CloudFormation.Templates.Parameters;
using Xunit;

namespace Stratus.CloudFormation.Tests.Templates;

public sealed class ParameterTests
{
    private const string Declarations = """
        Parameters:
          Env: {Type: String, AllowedValues: [dev, prod], Default: dev}
          Name: {Type: String, MinLength: 3, MaxLength: 5, AllowedPattern: '[a-z]+', Default: abc}
          Port: {Type: Number, MinValue: 1024, MaxValue: 65535, Default: 8080}
          Ports: {Type: List<Number>, Default: '80,443'}
          Zones: {Type: CommaDelimitedList, Default: 'a,b'}
          Subnets: {Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1,subnet-2'}
          Key: {Type: 'AWS::EC2::KeyPair::KeyName', Default: my-key}
          Ami: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /images/latest}
          Secret: {Type: String, NoEcho: true, Default: hunter2}
          Described: {Type: String, AllowedPattern: '[0-9]+', ConstraintDescription: must be digits only, Default: '1'}
        Resources:
          Q: {Type: AWS::SQS::Queue}
        """;

    private static ResolvedParameters Bind(params (string Key, string Value)[] values) =>
        ParameterBinder.Bind(Template.Parse(Declarations), values.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public void DefaultsAndGivenValuesAreBoundWithTheirShapes()
    {
        var parameters = Bind(("Env", "prod"));
        Assert.True(parameters.TryGetNode("Env", out var env));
        Assert.Equal("\"prod\"", env.ToJsonString());
        Assert.True(parameters.TryGetNode("Ports", out var ports));
        Assert.Equal("""["80","443"]""", ports.ToJsonString());
        Assert.True(parameters.TryGetNode("Subnets", out var subnets));
        Assert.Equal("""["subnet-1","subnet-2"]""", subnets.ToJsonString());
        Assert.True(parameters.TryGetNode("Key", out var key));
        Assert.Equal("\"my-key\"", key.ToJsonString());
    }

    [Fact]
    public void SsmParameterTypesUseTheLookupAndFallBackToTheGivenValue()
    {
        var template = Template.Parse(Declarations);
        var withLookup = ParameterBinder.Bind(template, null, name => name == "/images/latest" ? "ami-42" : null);
        Assert.True(withLookup.TryGetNode("Ami", out var resolved));
        Assert.Equal("\"ami-42\"", resolved.ToJsonString());
        Assert.True(Bind().TryGetNode("Ami", out var fallback));
        Assert.Equal("\"/images/latest\"", fallback.ToJsonString());
    }

    [Fact]
    public void NoEchoValuesAreMaskedWhenDescribed()
    {
        var described = Bind().Describe().ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("****", described["Secret"]);
        Assert.Equal("dev", described["Env"]);
        Assert.True(Bind().TryGetNode("Secret", out var secret));
        Assert.Equal("\"hunter2\"", secret.ToJsonString());
    }

    [Theory]
    [InlineData("Env", "test", "Parameter 'Env' must be one of AllowedValues")]
    [InlineData("Name", "ab", "Parameter 'Name' must contain at least 3 characters")]
    [InlineData("Name", "abcdef", "Parameter 'Name' must contain at most 5 characters")]
    [InlineData("Name", "ABC", "Parameter 'Name' must match pattern [a-z]+")]
    [InlineData("Port", "80", "Parameter 'Port' must be a number not less than 1024")]
    [InlineData("Port", "70000", "Parameter 'Port' must be a number not greater than 65535")]
    [InlineData("Port", "http", "Parameter 'Port' must be a number")]
    [InlineData("Ports", "80,x", "Parameter 'Ports' must be a number")]
    [InlineData("Described", "12a", "Parameter 'Described' failed to satisfy constraint: must be digits only")]
    [InlineData("Nope", "1", "Parameters: [Nope] do not exist in the template")]
    public void ConstraintViolationsUseCloudFormationsMessages(string key, string value, string message)
    {
        var error = Assert.Throws<TemplateValidationException>(() => Bind((key, value)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ParametersWithoutValuesAreListed()
    {
        var template = Template.Parse("Parameters:\n  A: {Type: String}\n  B: {Type: Number}\nResources:\n  Q: {Type: AWS::SQS::Queue}\n");
        var error = Assert.Throws<TemplateValidationException>(() => ParameterBinder.Bind(template, null));
        Assert.Equal("Parameters: [A, B] must have values", error.Message);
    }

    [Fact]
    public void UnknownParameterTypesAreRejected()
    {
        var template = Template.Parse("Parameters:\n  A: {Type: Strin}\nResources:\n  Q: {Type: AWS::SQS::Queue}\n");
        var error = Assert.Throws<TemplateValidationException>(() => ParameterBinder.Bind(template, null));
        Assert.Equal("Template format error: Unrecognized parameter type: Strin", error.Message);
    }

    [Fact]
    public void RulesAssertOnParameterValues()
    {
        const string yaml = """
            Parameters:
              Env: {Type: String, Default: dev}
              Size: {Type: String, Default: small}
            Rules:
              ProdIsLarge:
                RuleCondition: !Equals [!Ref Env, prod]
                Assertions:
                  - Assert: !Contains [[large, xlarge], !Ref Size]
                    AssertDescription: prod stacks need a large size
            Resources:
              Q: {Type: AWS::SQS::Queue}
            """;
        Plans.Create(yaml);
        Plans.Create(yaml, ("Env", "prod"), ("Size", "large"));
        var error = Assert.Throws<TemplateValidationException>(() => Plans.Create(yaml, ("Env", "prod")));
        Assert.Equal("prod stacks need a large size", error.Message);
    }
}
