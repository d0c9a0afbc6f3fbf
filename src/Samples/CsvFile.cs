using System.Globalization;
using System.Text;

namespace SymmetryDsl.Samples;

/// <summary>Writes comma-separated tables with a header line and invariant-culture numbers.</summary>
internal static class CsvFile
{
    /// <summary>Writes <paramref name="rows"/> under <paramref name="header"/> into <paramref name="path"/>, replacing the file.</summary>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="header">Column names.</param>
    /// <param name="rows">Cells of each row, as many as the header has columns; numbers print in round-trip format.</param>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header).Append('\n');
        foreach (IReadOnlyList<object> row in rows)
        {
            text.AppendJoin(',', row.Select(FormatCell)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    private static string FormatCell(object cell) => cell switch
    {
        double value => value.ToString("R", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
