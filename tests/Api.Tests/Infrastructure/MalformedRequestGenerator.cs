using System.Text;

namespace NVelopes.Api.Tests.Infrastructure;

/// <summary>Whom the malformed requests come from and aim at: the caller's own account, so that one wrongly taken would change it.</summary>
public sealed record MalformedTargets(string AccountId, string Username, string Password, string Token);

/// <summary>
/// Generates raw HTTP/1.1 requests from a seeded <see cref="Random"/>, so a run is repeatable. Each goes to one of the
/// service's routes with a body that route would take, then gets exactly one fault: a broken chunked body, conflicting
/// or invalid framing headers, a charset or content coding the service does not read, a header Kestrel refuses, a
/// content type the route does not take, or an unreadable body. Legal oddities are mixed in first (UTF-8 charset
/// spellings, chunked bodies with extensions and trailers, Accept headers that exclude JSON, Expect, header case and
/// padding), so that none of them may hide the fault or fail the service.
/// </summary>
public sealed class MalformedRequestGenerator(int seed, MalformedTargets targets)
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    /// <summary>Stands for a fresh username in a sign-up body, so that no two sign-ups collide.</summary>
    private const string UsernamePlaceholder = "{username}";

    /// <summary>Over Kestrel's 32 KB limit for all request headers together.</summary>
    private const int OversizedHeaderLength = 40_000;

    /// <summary>Over Kestrel's 8 KB limit for the request line.</summary>
    private const int OversizedTargetLength = 9_000;

    /// <summary>Over the service's 64 KB body limit.</summary>
    private const int OversizedBodyLength = 70_000;

    private enum BodyKind { None, Json, Form }

    private sealed record Route(string Method, string Path, BodyKind Body, params (string Name, string Value)[] Fields);

    private sealed record Fault(RequestFault Answer, Func<Route, bool> AppliesTo, Action<Draft> Apply);

    /// <summary>A request being built: what its route needs, then what the oddities and the fault do to it.</summary>
    private sealed class Draft(Route route, string target)
    {
        public Route Route { get; } = route;
        public string Target { get; set; } = target;
        public string? ContentType { get; set; }
        public byte[]? Content { get; set; }
        public bool Chunked { get; set; }
        public int Chunks { get; set; } = 1;
        public bool ChunkExtensions { get; set; }
        public bool Trailer { get; set; }
        public bool AlsoContentLength { get; set; }

        /// <summary>Framing headers and body exactly as a framing fault wrote them, instead of the framing above.</summary>
        public (List<(string Name, string Value)> Headers, byte[] Body)? RawFraming { get; set; }

        public List<(string Name, string Value)> Headers { get; } = [];

        /// <summary>Header lines sent verbatim after the others: the ones no well-formed header could be.</summary>
        public List<string> RawLines { get; } = [];

        public Func<string, string> NameCase { get; set; } = name => name;
        public bool PadValues { get; set; }
        public int HostHeaders { get; set; } = 1;
        public string? SignupUsername { get; set; }
        public List<string> Oddities { get; } = [];
    }

    private static readonly string[] Utf8Charsets = ["utf-8", "UTF-8", "\"utf-8\"", "utf8", "UTF8", "\"UTF8\"", "Utf-8"];

    private static readonly string[] OtherCharsets =
    [
        "nonsense", "utf-7", "utf-16", "UTF-16LE", "\"utf-16\"", "ebcdic-cp-us", "iso-8859-1", "latin1", "us-ascii", "windows-1252",
        "", "\"\"", "utf-8x", "utf-8; charset=latin1",
    ];

    private static readonly string[] ChunkSizeOverflows = ["FFFFFFFFFFFFFFFFFFFF", "80000000", "100000000", "fffffffff"];
    private static readonly string[] ChunkSizesNotHex = ["zz", "-1", "0x10", "", ";a=b", " 1a", "g0", "1 2"];

    private static readonly string[] NotJsonContentTypes =
    [
        "text/plain", "application/xml", Form, "multipart/form-data; boundary=x", "application/jsonx", "json", "text/json",
        "application/json, text/plain", ";;;",
    ];

    private readonly Random _random = new(seed);
    private readonly Route[] _routes = RoutesOf(targets);

    public IReadOnlyList<MalformedRequest> Generate(int count)
    {
        var faults = Faults();
        return [.. Enumerable.Range(0, count).Select(_ => Next(faults))];
    }

    private static Route[] RoutesOf(MalformedTargets targets)
    {
        var account = Quote(targets.AccountId);
        var payments = "[{\"envelope_id\":1,\"amount\":1.00}]";
        (string, string)[] movement(int envelopeId) =>
            [("account_id", account), ("envelope_id", envelopeId.ToString()), ("description", "\"fuzzed\""), ("amount", "1.00")];
        return
        [
            new("POST", "/users/signup", BodyKind.Json,
                ("full_name", "\"Fuzzed User\""), ("username", UsernamePlaceholder), ("email", "\"fuzzed@example.com\""), ("password", "\"correct horse battery\"")),
            new("POST", "/token", BodyKind.Form, ("grant_type", "password"), ("username", targets.Username), ("password", targets.Password)),
            new("GET", $"/users/exists/{targets.Username}", BodyKind.None),
            new("GET", "/users/me", BodyKind.None),
            new("POST", "/accounts/new", BodyKind.Json, ("name", "\"Fuzzed\""), ("opening_balance", "1.00"), ("can_go_negative", "false")),
            new("GET", "/accounts", BodyKind.None),
            new("GET", $"/accounts/{targets.AccountId}", BodyKind.None),
            new("DELETE", $"/accounts/{targets.AccountId}", BodyKind.None),
            new("GET", $"/accounts/{targets.AccountId}/envelopes/list", BodyKind.None),
            new("GET", $"/accounts/{targets.AccountId}/paysources/list", BodyKind.None),
            new("GET", $"/accounts/{targets.AccountId}/transactions/0/10", BodyKind.None),
            new("GET", $"/accounts/{targets.AccountId}/changes?since=0", BodyKind.None),
            new("GET", $"/accounts/{targets.AccountId}/events?since=0", BodyKind.None),
            new("POST", $"/accounts/{targets.AccountId}/events/ticket", BodyKind.None),
            new("POST", "/accounts/envelopes/add", BodyKind.Json, ("account_id", account), ("envelopes", "[\"Fuzzed A\",\"Fuzzed B\"]")),
            new("POST", "/accounts/envelopes/addsingle", BodyKind.Json, ("account_id", account), ("envelope", "\"Fuzzed\"")),
            new("POST", "/accounts/envelopes/rename", BodyKind.Json, ("account_id", account), ("envelope_id", "1"), ("new_name", "\"Fuzzed\"")),
            new("POST", "/accounts/payers/add", BodyKind.Json,
                ("account_id", account), ("payer", "\"Fuzz Ltd\""), ("amount", "10.00"), ("payments", payments)),
            new("POST", "/accounts/payers/update", BodyKind.Json,
                ("account_id", account), ("payment_source_id", "0"), ("payer", "\"Fuzz Ltd\""), ("amount", "10.00"), ("payments", payments)),
            new("POST", "/accounts/movemoney", BodyKind.Json,
                ("account_id", account), ("from_id", "1"), ("to_id", "2"), ("description", "\"fuzzed\""), ("amount", "1.00")),
            new("POST", "/accounts/deposit", BodyKind.Json, movement(1)),
            new("POST", "/accounts/debit", BodyKind.Json, movement(1)),
            new("POST", "/accounts/atm", BodyKind.Json, movement(2)),
            new("POST", "/accounts/pay", BodyKind.Json,
                ("account_id", account), ("payment_source_id", "0"), ("payer", "\"Acme\""), ("amount", "10.00"), ("description", "\"fuzzed\""),
                ("payments", payments)),
            new("POST", "/accounts/transactions/undo", BodyKind.Json, ("account_id", account)),
            new("POST", "/accounts/transactions/redo", BodyKind.Json, ("account_id", account)),
        ];
    }

    private MalformedRequest Next(Fault[] faults)
    {
        var route = _routes[_random.Next(_routes.Length)];
        var applicable = faults.Where(fault => fault.AppliesTo(route)).ToArray();
        var fault = applicable[_random.Next(applicable.Length)];
        var draft = new Draft(route, route.Path);
        WriteValidBody(draft, route.Fields);
        AddOddities(draft);
        fault.Apply(draft);
        return new MalformedRequest($"{route.Method} {route.Path}", fault.Answer, draft.Oddities, Render(draft), draft.SignupUsername);
    }

    private void WriteValidBody(Draft draft, (string Name, string Value)[] fields)
    {
        switch (draft.Route.Body)
        {
            case BodyKind.Json:
                draft.ContentType = Json;
                draft.Content = Encoding.UTF8.GetBytes(JsonOf(draft, fields));
                break;
            case BodyKind.Form:
                draft.ContentType = Form;
                draft.Content = Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}")));
                break;
        }
    }

    private string JsonOf(Draft draft, (string Name, string Value)[] fields)
    {
        if (fields.Any(f => f.Value == UsernamePlaceholder)) draft.SignupUsername ??= "fuzzed" + _random.Next(100_000_000).ToString("x8");
        return "{" + string.Join(",", fields.Select(f => $"\"{f.Name}\":{(f.Value == UsernamePlaceholder ? Quote(draft.SignupUsername!) : f.Value)}")) + "}";
    }

    private void AddOddities(Draft draft)
    {
        if (draft.ContentType is not null && Chance(0.3)) Odd(draft, "UTF-8 charset", () => draft.ContentType += "; charset=" + Pick(Utf8Charsets));
        if (draft.Content is not null && Chance(0.35))
        {
            draft.Chunked = true;
            draft.Chunks = _random.Next(1, 5);
            draft.ChunkExtensions = Chance(0.3);
            draft.Trailer = Chance(0.3);
            draft.AlsoContentLength = Chance(0.15);
            draft.Oddities.Add($"chunked in {draft.Chunks}{(draft.ChunkExtensions ? " with extensions" : "")}{(draft.Trailer ? " and a trailer" : "")}" +
                (draft.AlsoContentLength ? " beside a Content-Length" : ""));
        }
        if (draft.Route.Body == BodyKind.Json && Chance(0.1)) Odd(draft, "byte order mark", () => draft.Content = [0xEF, 0xBB, 0xBF, .. draft.Content!]);
        if (Chance(0.3))
            Odd(draft, "Accept without JSON", () => draft.Headers.Add(("Accept", Pick(
                "text/html", "application/xml", "text/plain; q=1, */*; q=0", "garbage", "application/json;q=0", "image/png",
                string.Concat(Enumerable.Repeat("a/b, ", 500))))));
        if (Chance(0.1)) Odd(draft, "Accept anything", () => draft.Headers.Add(("Accept", "*/*")));
        if (Chance(0.1)) Odd(draft, "Expect: 100-continue", () => draft.Headers.Add(("Expect", "100-continue")));
        if (Chance(0.1)) Odd(draft, "Content-Encoding: identity", () => draft.Headers.Add(("Content-Encoding", "identity")));
        if (Chance(0.1)) Odd(draft, "unknown header", () => draft.Headers.Add(("X-Fuzz-" + _random.Next(100), Printable(_random.Next(1, 2_000)))));
        if (Chance(0.1)) Odd(draft, "lower-case names", () => draft.NameCase = name => name.ToLowerInvariant());
        if (Chance(0.1)) Odd(draft, "upper-case names", () => draft.NameCase = name => name.ToUpperInvariant());
        if (Chance(0.1)) Odd(draft, "padded values", () => draft.PadValues = true);
        if (Chance(0.05)) Odd(draft, "absolute target", () => draft.Target = "http://localhost" + draft.Target);
    }

    private static void Odd(Draft draft, string name, Action apply)
    {
        apply();
        draft.Oddities.Add(name);
    }

    private Fault[] Faults()
    {
        static bool Any(Route _) => true;
        static bool JsonBody(Route route) => route.Body == BodyKind.Json;
        static bool FormBody(Route route) => route.Body == BodyKind.Form;
        static bool HasBody(Route route) => route.Body != BodyKind.None;
        return
        [
            new(new("chunk size that overflows", 400), Any, draft => RawChunked(draft, Pick(ChunkSizeOverflows))),
            new(new("chunk size not in hex", 400), Any, draft => RawChunked(draft, Pick(ChunkSizesNotHex))),
            new(new("chunk longer than its size", 400), Any, draft =>
            {
                var content = ContentOf(draft);
                RawChunked(draft, (content.Length - 1).ToString("x"));
            }),
            new(new("chunk not ended by CRLF", 400), Any, draft => RawFraming(draft, [("Transfer-Encoding", "chunked")],
                [.. Chunk(ContentOf(draft)).SkipLast(2), .. "XX0\r\n\r\n"u8.ToArray()])),
            new(new("malformed trailer", 400), Any, draft => RawFraming(draft, [("Transfer-Encoding", "chunked")],
                [.. Chunk(ContentOf(draft)), .. Encoding.Latin1.GetBytes(Pick("0\r\nno colon here\r\n\r\n", "0\r\nX-Trailer: caf\u00e9\r\n\r\n"))])),
            new(new("Content-Length twice", 400, RefusedByKestrel: true), Any, draft =>
            {
                var content = ContentOf(draft);
                RawFraming(draft, [("Content-Length", content.Length.ToString()), ("Content-Length", Pick(content.Length, content.Length - 1).ToString())], content);
            }),
            new(new("Content-Length not a number", 400, RefusedByKestrel: true), Any, draft =>
            {
                var content = ContentOf(draft);
                RawFraming(draft, [("Content-Length", Pick("-1", "abc", "1.5", "", "0x10", $"{content.Length}, {content.Length}"))], content);
            }),
            new(new("Transfer-Encoding that does not end in chunked", 400, RefusedByKestrel: true), Any, draft =>
            {
                var content = ContentOf(draft);
                RawFraming(draft, [("Transfer-Encoding", Pick("identity", "gzip", "xchunked", "chunked, gzip", "")), ("Content-Length", content.Length.ToString())],
                    content);
            }),
            new(new("Transfer-Encoding with a coding before chunked", 400), Any, draft => RawFraming(draft,
                Chance(0.2)
                    ? [("Transfer-Encoding", "chunked"), ("Transfer-Encoding", "chunked")]
                    : [("Transfer-Encoding", Pick("gzip, chunked", "deflate, chunked", "chunked, chunked", "x-fuzz, chunked"))],
                [.. Chunk(ContentOf(draft)), .. LastChunk])),
            new(new("charset other than UTF-8", 415), Any, draft =>
            {
                ContentOf(draft);
                draft.ContentType = (draft.Route.Body == BodyKind.Form ? Form : Json) + "; charset=" + Pick(OtherCharsets);
            }),
            new(new("Content-Encoding", 415), Any, draft =>
            {
                ContentOf(draft);
                draft.Headers.Add(("Content-Encoding", Pick("gzip", "br", "deflate", "compress", "x-fuzz", "gzip, identity", "identity, gzip")));
            }),
            new(new("header over the size limit", 431, RefusedByKestrel: true), Any, draft => draft.Headers.Add(("X-Fuzz", new string('h', OversizedHeaderLength)))),
            new(new("header value with a byte outside ASCII", 400, RefusedByKestrel: true), Any, draft =>
                draft.RawLines.Add("X-Fuzz: " + Pick("caf\u00e9", "nul\0byte", "\u00ff"))),
            new(new("malformed header line", 400, RefusedByKestrel: true), Any, draft =>
                draft.RawLines.Add(Pick("X-Fuzz", "X-Fuzz: folded\r\n continued", "X-Fuzz : space before the colon", "X Fuzz: space in the name", ": no name"))),
            new(new("no Host", 400, RefusedByKestrel: true), Any, draft => draft.HostHeaders = 0),
            new(new("two Host headers", 400, RefusedByKestrel: true), Any, draft => draft.HostHeaders = 2),
            new(new("request target too long", 414, RefusedByKestrel: true), Any, draft =>
                draft.Target += (draft.Target.Contains('?') ? "&" : "?") + "q=" + new string('q', OversizedTargetLength)),
            new(new("content type the route does not take", 415), JsonBody, draft => draft.ContentType = Chance(0.1) ? null : Pick(NotJsonContentTypes)),
            new(new("content type the route does not take", 415), FormBody, draft => draft.ContentType = Chance(0.2) ? null : Pick(Json, "text/plain", ";;;")),
            new(new("unreadable JSON body", 400), JsonBody, UnreadableJson),
            new(new("unreadable form body", 400), FormBody, draft => draft.ContentType = Pick("multipart/form-data; boundary=fuzz", "multipart/form-data")),
            new(new("body over the size limit", 413), HasBody, draft => draft.Content = [.. draft.Content!, .. Encoding.ASCII.GetBytes(new string(' ', OversizedBodyLength))]),
            new(new("grant_type other than password", 400), FormBody, draft =>
                draft.Content = Encoding.UTF8.GetBytes($"grant_type={Pick("client_credentials", "", "PASSWORD")}&username={targets.Username}&password={targets.Password}")),
            new(new("wrong password", 401), FormBody, draft =>
                draft.Content = Encoding.UTF8.GetBytes($"grant_type=password&username={targets.Username}&password=wrong{_random.Next(1000)}")),
        ];
    }

    private void UnreadableJson(Draft draft)
    {
        var fields = draft.Route.Fields;
        var valid = JsonOf(draft, fields);
        draft.Content = _random.Next(10) switch
        {
            0 => Encoding.UTF8.GetBytes(valid[..^_random.Next(1, valid.Length)]),
            1 => "not json"u8.ToArray(),
            2 => NotUtf8(JsonOf(draft, [.. fields.Select(f => f.Value.StartsWith('"') ? (f.Name, $"\"{NotUtf8Marker}\"") : f)])),
            3 => Encoding.Unicode.GetBytes(valid),
            4 => Encoding.UTF8.GetBytes("[" + valid + "]"),
            5 => Encoding.UTF8.GetBytes(JsonOf(draft, [(fields[0].Name, "{}"), .. fields.Skip(1)])),
            6 => Encoding.UTF8.GetBytes(JsonOf(draft, [.. fields.Skip(1)])),
            7 => Encoding.UTF8.GetBytes(valid.Insert(valid.IndexOf(':') + 2, "\u0001")),
            8 => Encoding.UTF8.GetBytes(valid[..^1] + ",\"x\":" + string.Concat(Enumerable.Repeat("[", 40)) + new string(']', 40) + "}"),
            _ => [],
        };
    }

    private const string NotUtf8Marker = "@not-utf-8@";

    /// <summary>
    /// The JSON with each marker replaced by bytes that are not UTF-8 (a lead byte without its continuation); the
    /// valid bodies are ASCII, so Latin-1 writes every other character as its UTF-8 byte.
    /// </summary>
    private static byte[] NotUtf8(string json) => Encoding.Latin1.GetBytes(json.Replace(NotUtf8Marker, "\u00c3("));

    /// <summary>The request's content, given a JSON body first where its route takes none.</summary>
    private static byte[] ContentOf(Draft draft)
    {
        if (draft.Content is null)
        {
            draft.ContentType = Json;
            draft.Content = "{}"u8.ToArray();
        }
        return draft.Content;
    }

    private static readonly byte[] LastChunk = "0\r\n\r\n"u8.ToArray();

    private static void RawChunked(Draft draft, string sizeLine) =>
        RawFraming(draft, [("Transfer-Encoding", "chunked")], [.. Encoding.ASCII.GetBytes(sizeLine + "\r\n"), .. ContentOf(draft), .. "\r\n"u8.ToArray(), .. LastChunk]);

    private static void RawFraming(Draft draft, List<(string Name, string Value)> headers, byte[] body) => draft.RawFraming = (headers, body);

    private static byte[] Chunk(byte[] content) => [.. Encoding.ASCII.GetBytes(content.Length.ToString("x") + "\r\n"), .. content, .. "\r\n"u8.ToArray()];

    private byte[] Render(Draft draft)
    {
        var headers = new List<(string Name, string Value)>();
        for (var i = 0; i < draft.HostHeaders; i++) headers.Add(("Host", "localhost"));
        headers.Add(("Authorization", "Bearer " + targets.Token));
        headers.Add(("Connection", "close"));
        if (draft.ContentType is not null && draft.Content is not null) headers.Add(("Content-Type", draft.ContentType));
        headers.AddRange(draft.Headers);
        var (framing, body) = draft.RawFraming ?? Frame(draft);
        headers.AddRange(framing);

        var head = new StringBuilder($"{draft.Route.Method} {draft.Target} HTTP/1.1\r\n");
        foreach (var (name, value) in headers) head.Append(draft.NameCase(name)).Append(": ").Append(draft.PadValues ? $" \t{value}\t " : value).Append("\r\n");
        foreach (var line in draft.RawLines) head.Append(line).Append("\r\n");
        head.Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body];
    }

    private (List<(string Name, string Value)> Headers, byte[] Body) Frame(Draft draft)
    {
        if (draft.Content is null) return ([], []);
        if (!draft.Chunked) return ([("Content-Length", draft.Content.Length.ToString())], draft.Content);

        var body = new List<byte>();
        var cuts = Enumerable.Range(0, draft.Chunks - 1).Select(_ => _random.Next(draft.Content.Length + 1)).Order().Append(draft.Content.Length).ToArray();
        var start = 0;
        foreach (var cut in cuts.Where(cut => cut > 0).Distinct())
        {
            if (cut <= start) continue;
            body.AddRange(Encoding.ASCII.GetBytes((cut - start).ToString("x") + (draft.ChunkExtensions ? ";fuzz=" + _random.Next(100) : "") + "\r\n"));
            body.AddRange(draft.Content[start..cut]);
            body.AddRange("\r\n"u8.ToArray());
            start = cut;
        }
        body.AddRange(Encoding.ASCII.GetBytes("0\r\n" + (draft.Trailer ? "X-Fuzz-Trailer: " + _random.Next(100) + "\r\n" : "") + "\r\n"));
        List<(string, string)> headers = [("Transfer-Encoding", "chunked")];
        if (draft.AlsoContentLength) headers.Add(("Content-Length", draft.Content.Length.ToString()));
        return (headers, [.. body]);
    }

    private string Printable(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)_random.Next(0x21, 0x7F))]);

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
