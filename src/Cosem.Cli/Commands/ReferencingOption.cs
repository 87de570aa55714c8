using System.CommandLine;
using Cosem.Sdk.Client;

namespace Cosem.Cli.Commands;

/// <summary>
/// <c>--referencing ln|sn</c>: logical name referencing (GET/SET/ACTION, the default) or short name referencing
/// (Read/Write on the base names of the Association SN object list), for <c>cosem read</c> and <c>cosem simulate</c>.
/// </summary>
internal static class ReferencingOption
{
    public static Option<string> Create(string description)
    {
        var option = new Option<string>("--referencing") { Description = description, DefaultValueFactory = _ => "ln" };
        option.AcceptOnlyFromAmong("ln", "sn");
        return option;
    }

    public static Referencing Resolve(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) == "sn" ? Referencing.ShortName : Referencing.LogicalName;
}
