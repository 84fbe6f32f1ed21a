using NVelopes.Grains.Domain;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using NVelopes.Api.Accounts;
using NVelopes.Grains.Abstractions.Accounts;

namespace NVelopes.Api.OpenApi;

/// <summary>The path, query and header parameters routes share, by name: what each means, its limits and an example.</summary>
public static class RouteParameters
{
    public sealed record Text(string Description, JsonNode Example, Action<OpenApiSchema>? Limits = null)
    {
        public void Constrain(OpenApiSchema schema)
        {
            schema.Examples = [Example.DeepClone()];
            Limits?.Invoke(schema);
        }
    }

    private static readonly Dictionary<string, Text> Known = new(StringComparer.Ordinal)
    {
        ["id"] = new("The account's id, as `POST /accounts/new` answered it.", ApiExamples.AccountId,
            schema => { schema.Pattern = AccountIds.Pattern; schema.MaxLength = AccountIds.MaxLength; }),
        ["page"] = new("Which page, from 0; a page past the end is empty.", 0, schema => schema.Minimum = "0"),
        ["size"] = new($"Transactions per page, 1 to {AccountLimits.TransactionsPerPage}.", 20,
            schema => { schema.Minimum = "1"; schema.Maximum = AccountLimits.TransactionsPerPage.ToString(System.Globalization.CultureInfo.InvariantCulture); }),
        ["since"] = new("List the events after this version; 0 (the default) lists them from the opening.", 12, schema => schema.Minimum = "0"),
        ["limit"] = new($"At most this many events, 1 to {AccountLimits.ChangesPerRead} (default {ChangesRequest.DefaultLimit}).", 100,
            schema => { schema.Minimum = "1"; schema.Maximum = AccountLimits.ChangesPerRead.ToString(System.Globalization.CultureInfo.InvariantCulture); }),
        ["scheduleId"] = new("The schedule's id, as adding it answered.", 2, schema => schema.Minimum = "1"),
        ["envelope_id"] = new("The envelope the statement's lines go to; default 0, Available.", 1, schema => schema.Minimum = "0"),
        ["dry_run"] = new("`true`: answer what would be imported and change nothing; default `false`.", true),
        ["format"] = new("Import: the statement's format, `csv`, `ofx`, `qfx` or `qif` (default: from the file name, else the content). " +
            "Export: `csv`, the default and only one.", "csv"),
        ["date_column"] = new("CSV: the column of booking dates, by header name or number from 1 (default: found by header or content).", "Date"),
        ["amount_column"] = new("CSV: the column of signed amounts, by header name or number from 1.", "Amount"),
        ["in_column"] = new("CSV: the column of money in, with `out_column`, where a statement splits them.", "Paid in"),
        ["out_column"] = new("CSV: the column of money out, with `in_column`.", "Paid out"),
        ["description_column"] = new("CSV: the column of descriptions, by header name or number from 1.", "Description"),
        ["date_format"] = new("CSV: the dates' format when detection cannot tell, such as `dd/MM/yyyy`.", "dd/MM/yyyy"),
        ["decimal"] = new("CSV: the decimal separator, `.` or `,` (default: detected).", ",", schema => schema.Enum = [".", ","]),
        ["username"] = new("A username, in any letter case.", ApiExamples.Username),
        ["invitationId"] = new("The invitation's id, as inviting answered it and `GET /users/me/invitations` lists it.", ApiExamples.InvitationId,
            schema => schema.MaxLength = InvitationIds.MaxLength),
        ["from"] = new("The report's first month, `YYYY-MM` (UTC).", "2026-06", schema => schema.Pattern = "^[0-9]{4}-[0-9]{2}$"),
        ["to"] = new("The report's last month, `YYYY-MM` (UTC), not before `from`.", "2026-11", schema => schema.Pattern = "^[0-9]{4}-[0-9]{2}$"),
        ["ticket"] = new("A ticket from `POST /accounts/{id}/events/ticket`, where no `Authorization` header can be sent (EventSource).",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1YjBlN2YxYyJ9.c2lnbmF0dXJl"),
        ["Last-Event-ID"] = new("The `id` of the last event received: the stream resumes after it (EventSource sends it by itself on a reconnect).", "12",
            schema => schema.Pattern = "^[0-9]+$"),
    };

    public static Text? Describe(string? name) => name is not null && Known.TryGetValue(name, out var text) ? text : null;
}
