namespace GatewayAudit.Analyzers.Tests;

/// <summary>GW001: gateway header names outside the adapter.</summary>
public class HeaderNameTests
{
    [Theory]
    [InlineData("HTTP-Referer")]
    [InlineData("X-OpenRouter-Title")]
    [InlineData("X-Title")]
    [InlineData("x-title")]
    [InlineData("X-OpenRouter-Categories")]
    [InlineData("x-portkey-virtual-key")]
    [InlineData("Helicone-Auth")]
    [InlineData("Helicone-Property-Session")]
    public Task Header_name_literal_is_reported(string header) => Verify.AnalyzerAsync($$"""
        using System.Net.Http;
        class Client
        {
            void Send(HttpRequestMessage request) => request.Headers.Add({|GW001:"{{header}}"|}, "value");
        }
        """);

    [Fact]
    public Task Const_declared_elsewhere_is_reported_where_declared_and_where_used() => Verify.AnalyzerAsync("""
        using System.Net.Http;
        static class Headers
        {
            public const string Referer = {|GW001:"HTTP-Referer"|};
        }
        class Client
        {
            void Send(HttpRequestMessage request) => request.Headers.Add({|GW001:Headers.Referer|}, "https://acme.example");
        }
        """);

    [Fact]
    public Task Constant_concatenation_is_reported_once_as_the_whole() => Verify.AnalyzerAsync("""
        class Client
        {
            const string Prefix = "X-";
            string Name() => {|GW001:Prefix + "Title"|};
            string Other() => {|GW001:"HTTP-" + "Referer"|};
        }
        """);

    [Fact]
    public Task Constant_interpolation_is_reported() => Verify.AnalyzerAsync("""
        class Client
        {
            const string Vendor = "OpenRouter";
            const string Header = {|GW001:$"X-{Vendor}-Title"|};
        }
        """);

    [Fact]
    public Task Refit_style_header_attribute_is_reported_without_its_value() => Verify.AnalyzerAsync("""
        [System.AttributeUsage(System.AttributeTargets.All)]
        class HeadersAttribute(params string[] headers) : System.Attribute { public string[] Values { get; } = headers; }
        interface IChatApi
        {
            [Headers({|GW001:"HTTP-Referer: https://acme.example"|}, {|GW001:"X-Title: Acme"|})]
            void Chat();
        }
        """);

    [Fact]
    public Task Collection_and_dictionary_initializers_are_reported() => Verify.AnalyzerAsync("""
        using System.Collections.Generic;
        class Client
        {
            readonly List<string> _names = [{|GW001:"X-Title"|}, "Accept"];
            readonly Dictionary<string, string> _indexed = new()
            {
                [{|GW001:"HTTP-Referer"|}] = "https://acme.example",
                ["Accept"] = "application/json",
            };
            readonly Dictionary<string, string> _added = new()
            {
                { {|GW001:"X-OpenRouter-Title"|}, "Acme" },
                { "Accept", "application/json" },
            };
        }
        """);

    [Fact]
    public Task Utf8_literal_is_reported() => Verify.AnalyzerAsync("""
        class Client
        {
            System.ReadOnlySpan<byte> Name() => {|GW001:"HTTP-Referer"u8|};
        }
        """);

    [Fact]
    public Task Switch_case_label_is_reported() => Verify.AnalyzerAsync("""
        class Client
        {
            bool IsGateway(string header) => header switch
            {
                {|GW001:"X-Title"|} => true,
                _ => false,
            };
        }
        """);

    [Fact]
    public Task Header_as_a_json_key_in_a_raw_string_is_reported() => Verify.AnalyzerAsync(""""
        class Client
        {
            const string HeadersJson = {|GW001:"""
                { "HTTP-Referer": "https://acme.example", "Accept": "application/json" }
                """|};
        }
        """");

    [Theory]
    [InlineData("Referer")]
    [InlineData("Content-Type")]
    [InlineData("X-Request-Id")]
    [InlineData("X-Titles")]
    [InlineData("Set the X-Title header in the adapter")]
    [InlineData("My-X-Title")]
    public Task Ordinary_header_names_and_prose_are_not_reported(string text) => Verify.AnalyzerAsync($$"""
        class Client
        {
            string Name() => "{{text}}";
        }
        """);

    [Fact]
    public Task Comments_are_not_reported() => Verify.AnalyzerAsync("""
        class Client
        {
            // OpenRouter wants HTTP-Referer and X-Title; the adapter sets them.
            /// <summary>Sends HTTP-Referer.</summary>
            void Send() { }
        }
        """);

    [Fact]
    public Task Extra_header_names_come_from_editorconfig() => Verify.AnalyzerAsync("""
        class Client
        {
            string A() => {|GW001:"X-Acme-Gateway-Route"|};
            string B() => {|GW001:"X-Acme-Tag-Team"|};
            string C() => "X-Acme-Other";
        }
        """, "gateway_audit.header_names = X-Acme-Gateway-Route, X-Acme-Tag-*");

    [Fact]
    public Task Extra_header_name_without_a_dash_is_still_found() => Verify.AnalyzerAsync("""
        class Client
        {
            string A() => {|GW001:"XAcmeRoute"|};
        }
        """, "gateway_audit.header_names = XAcmeRoute");

    [Fact]
    public Task Severity_is_configurable_the_usual_way() => Verify.AnalyzerAsync("""
        class Client
        {
            string A() => "X-Title";
        }
        """, "dotnet_diagnostic.GW001.severity = none");
}
