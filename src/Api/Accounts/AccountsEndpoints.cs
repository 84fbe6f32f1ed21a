using Microsoft.AspNetCore.Http.HttpResults;
using NVelopes.Api.Auth;
using NVelopes.Api.Hosting;
using NVelopes.Api.Security;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Users;
using AddEnvelopesCommand = NVelopes.Grains.Abstractions.Accounts.AddEnvelopes;
using MoveMoneyCommand = NVelopes.Grains.Abstractions.Accounts.MoveMoney;
using PayCommand = NVelopes.Grains.Abstractions.Accounts.Pay;
using RenameEnvelopeCommand = NVelopes.Grains.Abstractions.Accounts.RenameEnvelope;

namespace NVelopes.Api.Accounts;

/// <summary>
/// The accounts part of the compatibility contract. Each handler binds its request, names the caller as the owner
/// and makes one grain call; every rule about money, names and ids is the grain's, and its refusals reach the
/// client as problem details through the exception handler. Every mutation passes the request's
/// <c>Idempotency-Key</c> and <c>If-Match</c> to the grain, and every answer about one account carries its
/// <c>ETag</c>.
/// </summary>
public static class AccountsEndpoints
{
    private static readonly string EnvelopeLimit =
        $"An account has at most {AccountLimits.EnvelopesPerAccount} envelopes, Available included; past that, 400 and nothing is added.";

    private static readonly string SplitLimit = $"A split has at most {AccountLimits.SplitsPerPayment} lines.";

    public static IEndpointRouteBuilder MapAccountsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accounts = endpoints.MapGroup("/accounts")
            .RequireAuthorization()
            .WithTags("Accounts")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        accounts.MapPost("/new", Open).WithName("OpenAccount").WithSummary("Open an account with an opening balance in envelope 0.")
            .WithDescription($"A user has at most {AccountLimits.OpenAccountsPerOwner} open accounts; closed ones do not count. " +
                "Retried with its Idempotency-Key after the account was closed: 409.")
            .ProducesProblem(StatusCodes.Status409Conflict).LimitWritesPerUser();
        accounts.MapGet("/", List).WithName("ListAccounts").WithSummary("Every open account the caller is a member of, with their role.");
        accounts.MapGet("/{id}", Get).WithName("GetAccount").WithSummary("An account with its envelopes and payment sources.");
        accounts.MapDelete("/{id}", Close).WithName("CloseAccount").WithSummary("Close an account: afterwards it is gone for every route.")
            .LimitWritesPerUser();
        accounts.MapGet("/{id}/envelopes/list", ListEnvelopes).WithName("ListEnvelopes").WithSummary("An account's envelopes.");
        accounts.MapGet("/{id}/paysources/list", ListPaySources).WithName("ListPaySources").WithSummary("An account's payment sources.");
        accounts.MapGet("/{id}/transactions/{page}/{size}", ListTransactions)
            .WithName("ListTransactions").WithSummary("A page of the history, oldest first; a page past the end is empty.");
        accounts.MapGet("/{id}/changes", ListChanges).WithName("ListChanges")
            .WithSummary("The account's events after a version, oldest first: the audit trail, undos and redos included, and the delta a device syncs.");
        accounts.MapPost("/{id}/events/ticket", IssueFeedTicket).WithName("IssueFeedTicket")
            .WithSummary("A one-minute ticket that opens this account's event stream without an Authorization header (for EventSource).");
        endpoints.MapGet("/accounts/{id}/events", EventStream.Stream)
            .RequireAuthorization(FeedTickets.Policy)
            .WithTags("Accounts")
            .WithName("StreamEvents")
            .WithSummary("The account's events as Server-Sent Events, from ?since= or Last-Event-ID on, then live.")
            .WithDescription(
                "Each SSE event has the event's version as `id`, its kind as `event` and the change (as in `/changes`) as `data`. " +
                "A reconnect with `Last-Event-ID: V` (EventSource sends it by itself) or `?since=V` gets exactly the events after V, then live ones. " +
                "A `: heartbeat` comment comes every 15 s of quiet; a client that does not read what is sent within 10 s is disconnected. " +
                "Authenticate with the bearer token, or, where no header can be sent (EventSource), with `?ticket=` from " +
                "`POST /accounts/{id}/events/ticket`: valid one minute, for this account's stream only.")
            .Produces<string>(StatusCodes.Status200OK, EventStream.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The command bodies carry no validation attributes: the account grain checks every field and refuses
        // with problem details. Skipping the framework's validation walk spares every command its cost.
        var commands = accounts.MapGroup("").DisableValidation().LimitWritesPerUser();
        commands.MapPost("/envelopes/add", AddEnvelopes).WithName("AddEnvelopes").WithSummary("Add envelopes, in order, with balance 0.")
            .WithDescription(EnvelopeLimit).ProducesProblem(StatusCodes.Status409Conflict);
        commands.MapPost("/envelopes/addsingle", AddEnvelope).WithName("AddEnvelope").WithSummary("Add one envelope with balance 0.")
            .WithDescription(EnvelopeLimit).ProducesProblem(StatusCodes.Status409Conflict);
        commands.MapPost("/envelopes/rename", RenameEnvelope).WithName("RenameEnvelope").WithSummary("Rename an envelope, envelope 0 included.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        commands.MapPost("/payers/add", AddPayer).WithName("AddPaymentSource").WithSummary("Add a payment source and its split.")
            .WithDescription($"An account has at most {AccountLimits.PaymentSourcesPerAccount} payment sources. {SplitLimit}");
        commands.MapPost("/payers/update", UpdatePayer).WithName("UpdatePaymentSource").WithSummary("Replace a payment source and its split.")
            .WithDescription(SplitLimit);
        commands.MapPost("/movemoney", MoveMoney).WithName("MoveMoney").WithSummary("Move money between two envelopes.");
        commands.MapPost("/deposit", Deposit).WithName("Deposit").WithSummary("Deposit into an envelope.");
        commands.MapPost("/debit", Debit).WithName("Debit").WithSummary("Debit an envelope.");
        commands.MapPost("/atm", Atm).WithName("Atm").WithSummary("Withdraw cash from an envelope.");
        commands.MapPost("/pay", Pay).WithName("Pay").WithSummary("Pay day: split a payment over envelopes, the rest to envelope 0.")
            .WithDescription(SplitLimit);
        commands.MapPost("/transactions/undo", Undo).WithName("UndoLast").WithSummary("Undo the newest transaction (never the opening).");
        commands.MapPost("/transactions/redo", Redo).WithName("RedoLast")
            .WithSummary("Redo the most recently undone transaction; refused once a new transaction was recorded after the undo.");
        return endpoints;
    }

    /// <summary>
    /// Opens an account, through the caller's identity grain, which runs their opens one at a time. With an
    /// <c>Idempotency-Key</c> its id is derived from the caller and the key, so a retry reaches the same account and
    /// gets the first answer instead of opening another one.
    /// </summary>
    public static async Task<JsonOk<OpenedAccountResponse>> Open(NewAccountRequest request, [AsParameters] AccountServices services)
    {
        var options = services.OptionsFor(request);
        var accountId = options.IdempotencyKey is { } key ? AccountIds.ForIdempotencyKey(services.User.Id, key) : AccountIds.New();
        var opened = await services.Run(accountId, options, (_, owner, commandOptions, ct) => services.Caller().OpenAccountAsync(
            new OpenUserAccount(accountId, new OpenAccount(owner, request.Name, request.OpeningBalance, request.CanGoNegative, commandOptions)), ct));
        var view = opened.Account;
        return JsonOk.Of(new OpenedAccountResponse(view.AccountId, view.Name, OpenedAccountResponse.Opened, view.Balance));
    }

    public static async Task<JsonOk<IReadOnlyList<AccountSummaryResponse>>> List([AsParameters] AccountServices services)
    {
        var summaries = await services.Caller().ListAccountsAsync(services.Aborted);
        return JsonOk.Of<IReadOnlyList<AccountSummaryResponse>>([.. summaries.Select(s => s.ToResponse())]);
    }

    public static async Task<JsonOk<AccountResponse>> Get(string id, [AsParameters] AccountServices services) =>
        JsonOk.Of((await services.View(id)).ToResponse());

    public static async Task<NoContent> Close(string id, [AsParameters] AccountServices services)
    {
        await services.Account(id).CloseAsync(new CloseAccount(services.User.Id, services.OptionsFor(id)), services.Aborted);
        return TypedResults.NoContent();
    }

    public static async Task<JsonOk<IReadOnlyList<EnvelopeResponse>>> ListEnvelopes(string id, [AsParameters] AccountServices services) =>
        JsonOk.Of((await services.View(id)).Envelopes.ToResponses());

    public static async Task<JsonOk<IReadOnlyList<PaySourceResponse>>> ListPaySources(string id, [AsParameters] AccountServices services) =>
        JsonOk.Of((await services.View(id)).PaymentSources.ToResponses());

    public static async Task<JsonOk<IReadOnlyList<TransactionResponse>>> ListTransactions(
        [AsParameters] TransactionPageRequest page, [AsParameters] AccountServices services)
    {
        var history = await services.Account(page.Id)
            .ReadHistoryAsync(new ReadHistory(services.User.Id, page.Page, page.Size), services.Aborted);
        return JsonOk.Of(history.ToResponses());
    }

    public static async Task<JsonOk<ChangesResponse>> ListChanges([AsParameters] ChangesRequest request, [AsParameters] AccountServices services)
    {
        var page = await services.Account(request.Id).ReadChangesAsync(
            new ReadChanges(services.User.Id, request.Since ?? 0, request.Limit ?? ChangesRequest.DefaultLimit), services.Aborted);
        return JsonOk.Of(page.ToResponse());
    }

    public static async Task<JsonOk<FeedTicketResponse>> IssueFeedTicket(string id, TokenService tokens, [AsParameters] AccountServices services)
    {
        await services.View(id); // only the account's owner gets a ticket for it
        return JsonOk.Of(new FeedTicketResponse(tokens.IssueFeedTicket(services.User.Id, id), (int)FeedTickets.Lifetime.TotalSeconds));
    }

    public static Task<JsonOk<AccountResponse>> AddEnvelopes(AddEnvelopesRequest request, [AsParameters] AccountServices services) =>
        services.Apply(request.AccountId, request, (account, owner, options, ct) =>
            account.AddEnvelopesAsync(new AddEnvelopesCommand(owner, [.. request.Envelopes], options), ct));

    public static Task<JsonOk<AccountResponse>> AddEnvelope(AddEnvelopeRequest request, [AsParameters] AccountServices services) =>
        services.Apply(request.AccountId, request, (account, owner, options, ct) =>
            account.AddEnvelopesAsync(new AddEnvelopesCommand(owner, [request.Envelope], options), ct));

    public static Task<JsonOk<AccountResponse>> RenameEnvelope(RenameEnvelopeRequest request, [AsParameters] AccountServices services) =>
        services.Apply(request.AccountId, request, (account, owner, options, ct) =>
            account.RenameEnvelopeAsync(new RenameEnvelopeCommand(owner, request.EnvelopeId, request.NewName, options), ct));

    public static Task<JsonOk<AccountResponse>> AddPayer(AddPayerRequest request, [AsParameters] AccountServices services) =>
        services.Apply(request.AccountId, request, (account, owner, options, ct) => account.AddPaymentSourceAsync(
            new AddPaymentSource(owner, request.Payer, request.Amount, request.Payments.ToSplit() ?? [], options), ct));

    public static Task<JsonOk<AccountResponse>> UpdatePayer(UpdatePayerRequest request, [AsParameters] AccountServices services) =>
        services.Apply(request.AccountId, request, (account, owner, options, ct) => account.UpdatePaymentSourceAsync(
            new UpdatePaymentSource(owner, request.PaymentSourceId, request.Payer, request.Amount, request.Payments.ToSplit() ?? [], options), ct));

    public static Task<JsonOk<AccountResponse>> MoveMoney(MoveMoneyRequest request, [AsParameters] AccountServices services) =>
        services.Apply(request.AccountId, request, (account, owner, options, ct) => account.MoveMoneyAsync(
            new MoveMoneyCommand(owner, request.FromId, request.ToId, request.Description, request.Amount, options), ct));

    public static Task<JsonOk<AccountResponse>> Deposit(MovementRequest request, [AsParameters] AccountServices services) =>
        Record(MovementKind.Deposit, request, services);

    public static Task<JsonOk<AccountResponse>> Debit(MovementRequest request, [AsParameters] AccountServices services) =>
        Record(MovementKind.Debit, request, services);

    public static Task<JsonOk<AccountResponse>> Atm(MovementRequest request, [AsParameters] AccountServices services) =>
        Record(MovementKind.Atm, request, services);

    public static Task<JsonOk<AccountResponse>> Pay(PayRequest request, [AsParameters] AccountServices services) =>
        services.Apply(request.AccountId, request, (account, owner, options, ct) => account.PayAsync(
            new PayCommand(
                owner, request.PaymentSourceId, request.Payer, request.Amount, request.Description, request.Payments.ToSplit(), options), ct));

    public static Task<JsonOk<AccountResponse>> Undo(UndoRequest request, [AsParameters] AccountServices services) =>
        services.Apply(request.AccountId, request, (account, owner, options, ct) => account.UndoLastAsync(new UndoLast(owner, options), ct));

    public static Task<JsonOk<AccountResponse>> Redo(RedoRequest request, [AsParameters] AccountServices services) =>
        services.Apply(request.AccountId, request, (account, owner, options, ct) => account.RedoAsync(new RedoLast(owner, options), ct));

    private static Task<JsonOk<AccountResponse>> Record(MovementKind kind, MovementRequest request, AccountServices services) =>
        services.Apply(request.AccountId, request, (account, owner, options, ct) => account.RecordMovementAsync(
            new RecordMovement(owner, kind, request.EnvelopeId, request.Description, request.Amount, options), ct));
}
