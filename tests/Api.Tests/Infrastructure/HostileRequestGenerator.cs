using System.Text;
using System.Text.Json.Nodes;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>Who the hostile requests come from and whom they aim at.</summary>
public sealed record HostileTargets(
    string VictimAccountId, string VictimUserId, string VictimUsername, string AttackerAccountId, string AttackerToken, string SigningKey);

/// <summary>
/// Generates hostile requests across every route from a seeded <see cref="Random"/>, so a run is repeatable: a
/// roughly valid request for the route, then a few mutations from wrong types, missing and unknown fields, extreme
/// numbers, huge and strange strings, other users' and malformed account ids, broken or oversized bodies, wrong
/// content types, forged tokens and malformed retry headers.
/// </summary>
public sealed class HostileRequestGenerator(int seed, HostileTargets targets)
{
    private enum Field { AccountId, Int, Money, Text, Bool, Names, Payments }

    private sealed record Route(string Method, string Path, (string Name, Field Kind)[] Fields, bool Form = false);

    private static readonly Route[] Routes =
    [
        new("POST", "/users/signup", [("full_name", Field.Text), ("username", Field.Text), ("email", Field.Text), ("password", Field.Text)]),
        new("GET", "/users/exists/{username}", []),
        new("POST", "/token", [("grant_type", Field.Text), ("username", Field.Text), ("password", Field.Text)], Form: true),
        new("GET", "/users/me", []),
        new("POST", "/accounts/new", [("name", Field.Text), ("opening_balance", Field.Money), ("can_go_negative", Field.Bool)]),
        new("GET", "/accounts", []),
        new("GET", "/accounts/{id}", []),
        new("DELETE", "/accounts/{id}", []),
        new("GET", "/accounts/{id}/envelopes/list", []),
        new("GET", "/accounts/{id}/paysources/list", []),
        new("GET", "/accounts/{id}/transactions/{page}/{size}", []),
        new("POST", "/accounts/envelopes/add", [("account_id", Field.AccountId), ("envelopes", Field.Names)]),
        new("POST", "/accounts/envelopes/addsingle", [("account_id", Field.AccountId), ("envelope", Field.Text)]),
        new("POST", "/accounts/envelopes/rename", [("account_id", Field.AccountId), ("envelope_id", Field.Int), ("new_name", Field.Text)]),
        new("POST", "/accounts/payers/add", [("account_id", Field.AccountId), ("payer", Field.Text), ("amount", Field.Money), ("payments", Field.Payments)]),
        new("POST", "/accounts/payers/update",
            [("account_id", Field.AccountId), ("payment_source_id", Field.Int), ("payer", Field.Text), ("amount", Field.Money), ("payments", Field.Payments)]),
        new("POST", "/accounts/movemoney",
            [("account_id", Field.AccountId), ("from_id", Field.Int), ("to_id", Field.Int), ("description", Field.Text), ("amount", Field.Money)]),
        new("POST", "/accounts/deposit", [("account_id", Field.AccountId), ("envelope_id", Field.Int), ("description", Field.Text), ("amount", Field.Money)]),
        new("POST", "/accounts/debit", [("account_id", Field.AccountId), ("envelope_id", Field.Int), ("description", Field.Text), ("amount", Field.Money)]),
        new("POST", "/accounts/atm", [("account_id", Field.AccountId), ("envelope_id", Field.Int), ("description", Field.Text), ("amount", Field.Money)]),
        new("POST", "/accounts/pay",
            [("account_id", Field.AccountId), ("payment_source_id", Field.Int), ("payer", Field.Text), ("amount", Field.Money),
             ("description", Field.Text), ("payments", Field.Payments)]),
        new("POST", "/accounts/transactions/undo", [("account_id", Field.AccountId)]),
        new("POST", "/accounts/{id}/invitations", [("username", Field.Text), ("role", Field.Text)]),
        new("DELETE", "/accounts/{id}/invitations/{invitationId}", []),
        new("GET", "/accounts/{id}/members", []),
        new("PUT", "/accounts/{id}/members/{username}", [("role", Field.Text)]),
        new("DELETE", "/accounts/{id}/members/{username}", []),
        new("GET", "/users/me/invitations", []),
        new("POST", "/invitations/{invitationId}/accept", []),
        new("POST", "/invitations/{invitationId}/decline", []),
    ];

    // Raw JSON values that are wrong for most fields, or right but extreme.
    private static readonly string[] HostileJsonValues =
    [
        "null", "true", "false", "\"\"", "\" \"", "\"5.00\"", "\"abc\"", "0", "-0", "-1", "1.005", "0.001", "1e308", "-1e308", "1e400", "-1e400",
        "1e-400", "79228162514264337593543950336", "123456789012345678901234567890", "9.99999999999999999999999999999", "2147483648",
        "-2147483649", "1000000000.01", "{}", "[]", "[1,2,3]", "{\"$gt\":\"\"}", "{\"$ne\":null}", "\"\\u0000\"", "\"\\u202e💸\"",
        "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"", "\"../../etc/passwd\"", "\"%00\"",
    ];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
        "application/x-www-form-urlencoded", "application/octet-stream",
    ];

    private readonly Random _random = new(seed);

    public IReadOnlyList<HostileRequest> Generate(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    private HostileRequest Next()
    {
        var route = Routes[_random.Next(Routes.Length)];
        var method = Chance(0.04) ? Pick("PUT", "PATCH", "GET", "DELETE", "POST") : route.Method;
        var path = route.Path
            .Replace("{id}", PathSegment(AccountId()))
            .Replace("{username}", PathSegment(Pick(targets.VictimUsername, "nobody", "", HugeText(), "a%2Fb", "%00")))
            .Replace("{invitationId}", PathSegment(Pick(
                $"{targets.VictimAccountId}.{RandomHex(32)}", $"{targets.AttackerAccountId}.{new string('0', 32)}", targets.VictimAccountId,
                ".", HugeText(), "%2E%2E")))
            .Replace("{page}", PathSegment(Pick("0", "-1", "99999999999999", "abc", "1e3", "2147483647", "0")))
            .Replace("{size}", PathSegment(Pick("1", "0", "1001", "-5", "1000", "x", "2147483648")));
        if (Chance(0.03)) path = Pick("/accounts/../token", "/no/such/route", "/accounts//deposit", path + "/extra", "/ACCOUNTS/DEPOSIT");

        byte[]? body = null;
        string? contentType = null;
        if (route.Fields.Length > 0 || Chance(0.1))
        {
            (body, contentType) = route.Form ? FormBody(route) : JsonBody(route);
            if (Chance(0.08)) contentType = Pick(ContentTypes);
            if (Chance(0.03)) contentType = null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        if (Chance(0.08)) headers.Add(new("Idempotency-Key", Pick("", new string('k', 300), "key\twith\ttabs", "ключ", "k-" + _random.Next())));
        if (Chance(0.08)) headers.Add(new("If-Match", Pick("*", "\"1\"", "\"999999999\"", "W/\"1\"", "garbage", "\"-1\"", "\"1\", \"2\"")));
        return new HostileRequest(method, path, body, contentType, Authorization(), headers);
    }

    private (byte[] Body, string ContentType) JsonBody(Route route)
    {
        var fields = route.Fields.ToDictionary(f => f.Name, f => ValidValue(f.Kind));
        foreach (var _ in Enumerable.Range(0, _random.Next(1, 4)))
        {
            if (fields.Count == 0) break;
            var name = fields.Keys.ElementAt(_random.Next(fields.Count));
            switch (_random.Next(5))
            {
                case 0: fields.Remove(name); break;
                case 1: fields["unknown_" + _random.Next(100)] = Pick(HostileJsonValues); break;
                default: fields[name] = Pick(HostileJsonValues.Append(JsonString(HugeText())).Append(AccountIdJson()).ToArray()); break;
            }
        }
        var json = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
        json = _random.Next(12) switch
        {
            0 => json[..Math.Max(0, _random.Next(json.Length))], // cut short
            1 => "[" + json + "]",
            2 => string.Concat(Enumerable.Repeat("{\"a\":", 60)) + json + new string('}', 60), // nested too deeply
            3 => json.Insert(_random.Next(json.Length), Pick("\u0000", "\\", "\"", "{", ",,", "\uFFFF")),
            4 => json.Replace("{\"", "{\"" + Pick("amount", "account_id") + "\":1,\""), // duplicate property
            5 when Chance(0.3) => json.Insert(1, $"\"padding\":\"{new string('p', 70_000)}\","), // over the body limit
            6 when Chance(0.3) => Pick("not json", "", "null", "42", "\"a string\"", "<xml/>"),
            _ => json,
        };
        return (Encoding.UTF8.GetBytes(json), "application/json");
    }

    private (byte[] Body, string ContentType) FormBody(Route route)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = Pick("password", "password", "client_credentials", ""),
            ["username"] = Pick(targets.VictimUsername, targets.VictimUsername.ToUpperInvariant(), "admin", "", HugeText()),
            ["password"] = Pick("correct horse battery", "password", "", HugeText(), "' OR 1=1 --"),
        };
        if (Chance(0.3)) fields.Remove(fields.Keys.ElementAt(_random.Next(fields.Count)));
        var form = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        if (Chance(0.1)) form += "&%%%=%ZZ&=&" + new string('&', 100);
        return (Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded");
    }

    private string ValidValue(Field kind) => kind switch
    {
        Field.AccountId => AccountIdJson(),
        Field.Int => _random.Next(-1, 4).ToString(),
        Field.Money => Pick("1.00", "0.01", "10", "250.50", "1000000000"),
        Field.Text => JsonString(Pick("Food", "Rent", "x", "Available", "user" + _random.Next(1000))),
        Field.Bool => Pick("true", "false"),
        Field.Names => $"[{JsonString("E" + _random.Next(1000))},{JsonString("F" + _random.Next(1000))}]",
        Field.Payments => Pick("[]", "null", "[{\"envelope_id\":1,\"amount\":1.00}]", "[{\"envelope_id\":99,\"amount\":-5}]"),
        _ => "null",
    };

    private string AccountId() => _random.Next(10) switch
    {
        < 5 => targets.VictimAccountId, // someone else's account: the point of most of these requests
        5 => targets.AttackerAccountId,
        6 => SeededGuid().ToString("N"),
        7 => targets.VictimAccountId.ToUpperInvariant(),
        8 => targets.VictimAccountId + Pick(" ", "/", "%00", "'", "\u0000", "?x=1"),
        _ => Pick("", " ", "..", "../accounts", "{\"$ne\":null}", new string('a', 5_000), "null", "0", "💸"),
    };

    private string AccountIdJson() => JsonString(AccountId());

    private string? Authorization() => _random.Next(100) switch
    {
        < 75 => "Bearer " + targets.AttackerToken,
        < 80 => null,
        < 84 => "Bearer " + Tokens.Unsigned(targets.VictimUserId, targets.VictimUsername),
        < 88 => "Bearer " + Tokens.ResignedWithOtherKey(targets.AttackerToken),
        < 92 => "Bearer " + Tokens.Create(targets.SigningKey, targets.VictimUserId, targets.VictimUsername,
            DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1)),
        < 96 => Pick("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer a.b.c", "bearer " + targets.AttackerToken.ToUpperInvariant()),
        _ => "Bearer " + Tokens.Create(NVelopesApiFactory.NewSigningKey(), targets.VictimUserId, targets.VictimUsername,
            DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5)),
    };

    private Guid SeededGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private string HugeText() => new(Pick('x', 'é', '\u202e', '0'), _random.Next(1_000, 20_000));

    private static string JsonString(string value) => JsonValue.Create(value).ToJsonString();

    // NUL is left out of paths: the test server's client refuses to send it (Kestrel answers such a request 400).
    private static string PathSegment(string value) =>
        Uri.EscapeDataString((value.Length > 2_000 ? value[..2_000] : value).Replace("\0", "")).Replace("%252F", "%2F");

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];

    private string RandomHex(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[_random.Next(16)]));
}
