using Microsoft.AspNetCore.Http.HttpResults;
using NVelopes.Api.Auth;
using NVelopes.Api.Errors;
using NVelopes.Api.OpenApi;
using NVelopes.Api.Security;
using NVelopes.Api.Wire;
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
    private const string Id = AccountIds.RouteSegment;

    private static readonly string EnvelopeLimit =
        $"An account has at most {AccountLimits.EnvelopesPerAccount} envelopes, Available included; past that, 400 and nothing is added.";

    private static readonly string SplitLimit = $"A split has at most {AccountLimits.SplitsPerPayment} lines.";

    private static readonly RouteProblem EnvelopeLimitReached =
        RouteAnswers.Invalid($"An account holds at most {AccountLimits.EnvelopesPerAccount} envelopes, Available included.");

    private static readonly RouteProblem NotEnoughMoney = RouteAnswers.Invalid($"Not enough money in '{ApiExamples.Groceries}' envelope");

    public static IEndpointRouteBuilder MapAccountsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accounts = endpoints.MapGroup("/accounts")
            .RequireAuthorization()
            .WithTags("Accounts");

        accounts.MapPost("/new", Open).WithName("OpenAccount").LimitWritesPerUser().Documented(
            "Open an account with an opening balance in envelope 0.",
            RouteAnswers.AccountCommand(
                RouteAnswers.Invalid($"A user has at most {AccountLimits.OpenAccountsPerOwner} open accounts; close one to open another."),
                RouteAnswers.Conflict($"Account '{ApiExamples.AccountId}', which this request opened, has since been closed; to open another, use a new Idempotency-Key.")),
            $"A user has at most {AccountLimits.OpenAccountsPerOwner} open accounts; closed ones do not count. With an `Idempotency-Key`, " +
            "a retry answers the account it opened; retried after that account was closed: 409. `If-Match` matches no version of an " +
            "account that does not exist yet.");
        accounts.MapGet("/", List).WithName("ListAccounts").Documented(
            "Every open account the caller is a member of, with their role.", new RouteDocumentation([RouteAnswers.Unauthorized, RouteAnswers.Unavailable]));
        accounts.MapGet("/" + Id, Get).WithName("GetAccount").Documented(
            "An account with its envelopes and payment sources.", RouteAnswers.AccountRead(sendsETag: true));
        accounts.MapDelete("/" + Id, Close).WithName("CloseAccount").LimitWritesPerUser().Documented(
            "Close an account.",
            RouteAnswers.OwnerCommand() with { SendsETag = false },
            "Afterwards the account is gone for every route (404), its history included.");
        accounts.MapGet($"/{Id}/envelopes/list", ListEnvelopes).WithName("ListEnvelopes").Documented(
            "An account's envelopes.", RouteAnswers.AccountRead(sendsETag: true));
        accounts.MapGet($"/{Id}/paysources/list", ListPaySources).WithName("ListPaySources").Documented(
            "An account's payment sources.", RouteAnswers.AccountRead(sendsETag: true));
        accounts.MapGet($"/{Id}/transactions/{{page}}/{{size}}", ListTransactions).WithName("ListTransactions").Documented(
            "A page of the history, oldest first.",
            RouteAnswers.AccountRead(sendsETag: false, RouteAnswers.Invalid($"size must be from 1 to {AccountLimits.TransactionsPerPage}.")),
            "The effective history: transactions that were undone are not in it. A page past the end is empty.");
        accounts.MapGet($"/{Id}/changes", ListChanges).WithName("ListChanges").Documented(
            "The account's events after a version, oldest first.",
            RouteAnswers.AccountRead(sendsETag: false, RouteAnswers.Invalid($"limit must be from 1 to {AccountLimits.ChangesPerRead}.")),
            "The audit trail, undos and redos included, and the delta a device syncs: remember the answer's `version` and ask " +
            "`?since=` it next time. `more` says whether further events follow the last one listed.");
        accounts.MapPost($"/{Id}/events/ticket", IssueFeedTicket).WithName("IssueFeedTicket").Documented(
            "A one-minute ticket that opens this account's event stream without a header.",
            RouteAnswers.AccountRead(sendsETag: true),
            "For `EventSource`, which cannot send an `Authorization` header: open `GET /accounts/{id}/events?ticket=…`.");
        endpoints.MapGet($"/accounts/{Id}/events", EventStream.Stream)
            .RequireAuthorization(FeedTickets.Policy)
            .WithTags("Accounts")
            .WithName("StreamEvents")
            .Produces<string>(StatusCodes.Status200OK, EventStream.ContentType)
            .Documented(
                "The account's events as Server-Sent Events, then live ones.",
                RouteAnswers.AccountRead(sendsETag: false, RouteAnswers.Invalid("since must be 0 or more.")) with { AnswerExample =
                    "retry: 2000\n\nid: 13\nevent: deposited\ndata: {\"version\":13,\"kind\":\"deposited\"}\n\n: heartbeat\n\n" },
                "Each SSE event has the event's version as `id`, its kind as `event` and the change (as in `/changes`) as `data`. " +
                "A reconnect with `Last-Event-ID: V` (EventSource sends it by itself) or `?since=V` gets exactly the events after V, then live ones. " +
                "A `: heartbeat` comment comes every 15 s of quiet; a client that does not read what is sent within 10 s is disconnected. " +
                "Authenticate with the bearer token, or, where no header can be sent (EventSource), with `?ticket=` from " +
                "`POST /accounts/{id}/events/ticket`: valid one minute, for this account's stream only.");

        // The account grain checks every field of a command (RequestValidation tells the whole story).
        var commands = accounts.MapGroup("").CheckedByTheDomain().LimitWritesPerUser();
        commands.MapPost("/envelopes/add", AddEnvelopes).WithName("AddEnvelopes").Documented(
            "Add envelopes, in order, with balance 0.", RouteAnswers.AccountCommand(EnvelopeLimitReached, RouteAnswers.DuplicateEnvelope), EnvelopeLimit);
        commands.MapPost("/envelopes/addsingle", AddEnvelope).WithName("AddEnvelope").Documented(
            "Add one envelope with balance 0.", RouteAnswers.AccountCommand(EnvelopeLimitReached, RouteAnswers.DuplicateEnvelope), EnvelopeLimit);
        commands.MapPost("/envelopes/rename", RenameEnvelope).WithName("RenameEnvelope").Documented(
            "Rename an envelope, envelope 0 included.",
            RouteAnswers.AccountCommand(RouteAnswers.Invalid("new_name cannot be blank."), RouteAnswers.EnvelopeNotFound, RouteAnswers.DuplicateEnvelope));
        commands.MapPost("/payers/add", AddPayer).WithName("AddPaymentSource").Documented(
            "Add a payment source and its split.",
            RouteAnswers.AccountCommand(RouteAnswers.Invalid("The payment source's envelope amounts must not exceed its amount."), RouteAnswers.EnvelopeNotFound),
            $"An account has at most {AccountLimits.PaymentSourcesPerAccount} payment sources. {SplitLimit}");
        commands.MapPost("/payers/update", UpdatePayer).WithName("UpdatePaymentSource").Documented(
            "Replace a payment source and its split.",
            RouteAnswers.AccountCommand(RouteAnswers.Invalid("The payment source's envelope amounts must not exceed its amount."),
                RouteAnswers.PaymentSourceNotFound, RouteAnswers.EnvelopeNotFound),
            SplitLimit);
        commands.MapPost("/movemoney", MoveMoney).WithName("MoveMoney").Documented(
            "Move money between two envelopes.",
            RouteAnswers.AccountCommand(NotEnoughMoney, RouteAnswers.InvalidAmount, RouteAnswers.EnvelopeNotFound));
        commands.MapPost("/deposit", Deposit).WithName("Deposit").Documented(
            "Deposit into an envelope.", RouteAnswers.AccountCommand(RouteAnswers.InvalidAmount, RouteAnswers.EnvelopeNotFound),
            "Answers the account after the deposit, with the recorded transaction. Amounts are exact: at most two decimals.");
        commands.MapPost("/debit", Debit).WithName("Debit").Documented(
            "Debit an envelope.", RouteAnswers.AccountCommand(NotEnoughMoney, RouteAnswers.InvalidAmount, RouteAnswers.EnvelopeNotFound),
            "An account that cannot go negative refuses a debit its envelope cannot cover.");
        commands.MapPost("/atm", Atm).WithName("Atm").Documented(
            "Withdraw cash from an envelope.", RouteAnswers.AccountCommand(NotEnoughMoney, RouteAnswers.InvalidAmount, RouteAnswers.EnvelopeNotFound),
            "Recorded as an `ATM` transaction.");
        commands.MapPost("/pay", Pay).WithName("Pay").Documented(
            "Pay day: split a payment over envelopes, the rest to envelope 0.",
            RouteAnswers.AccountCommand(RouteAnswers.SplitTooLarge, RouteAnswers.InvalidAmount, RouteAnswers.PaymentSourceNotFound),
            "`payment_source_id` chooses the payment source; `payments` absent or null pays by its stored split, `[]` with no split. " +
            "`payer` is only the name this pay is recorded under (the history shows `payer - description`); null, the " +
            "payment source's name. " + SplitLimit);
        commands.MapPost("/transactions/undo", Undo).WithName("UndoLast").Documented(
            "Undo the newest transaction.",
            RouteAnswers.AccountCommand(RouteAnswers.Invalid(Account.UndoOpeningMessage)),
            "Reverses it exactly and answers the account with `transaction`, the transaction undone. The opening is never undone.");
        commands.MapPost("/transactions/redo", Redo).WithName("RedoLast").Documented(
            "Redo the most recently undone transaction.",
            RouteAnswers.AccountCommand(RouteAnswers.Invalid(Account.NothingToRedoMessage)),
            "Newest undo first; refused once a new transaction was recorded after the undo. Answers the account with `transaction`, the one redone.");
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
        var summaries = await services.CallersAccounts().ListAsync(services.Aborted);
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
