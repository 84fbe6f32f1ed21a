using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NVelopes.Grains.Abstractions.Accounts;
using NVelopes.Grains.Abstractions.Errors;
using NVelopes.Grains.Abstractions.Imports;
using NVelopes.Grains.Abstractions.Schedules;
using NVelopes.Grains.Domain;
using NVelopes.Grains.Domain.Import;
using NVelopes.Grains.Schedules;
using NVelopes.Grains.Domain.Households;
using NVelopes.Grains.Storage;
using NVelopes.Grains.Telemetry;
using Orleans.Concurrency;

namespace NVelopes.Grains.Accounts;

/// <summary>
/// One account in the cluster: a thin shell around its <see cref="AccountWriter"/>, which holds every rule of the
/// write path. Orleans keeps one activation per account, so one writer; the grain is reentrant so that commands
/// arriving while a write is in flight are applied and share the next write (group commit), and change feeds can
/// wait for the next durable event, wherever in the cluster they were asked. The grain adds what is Orleans' or
/// the silo's: the account id from its key, the counting of operations, the view cached per durable version, and
/// leaving memory as soon as a call finds no open account here.
/// </summary>
[Reentrant]
internal sealed partial class AccountGrain(
    IAccountStore store, TimeProvider clock, NVelopesTelemetry telemetry, ILogger<AccountGrain> logger,
    IOptions<ScheduleOptions> scheduleOptions, ScheduleClock scheduleClock)
    : Grain, IAccountGrain, IIncomingGrainCallFilter
{
    private AccountWriter? _writer;

    // The view of the durable state, built by the first read after each write and shared by the reads until the next.
    private AccountView? _durableView;

    /// <summary>How long an activation that holds no open account waits for another call before it leaves.</summary>
    public static readonly TimeSpan NoAccountGrace = TimeSpan.FromSeconds(1);

    // Calls under way in this activation; the grain is reentrant, so several run at once.
    private int _callsRunning;
    private IGrainTimer? _leaving;

    private AccountWriter Writer => _writer ??= new AccountWriter(this.GetPrimaryKeyString(), store, clock, logger, telemetry);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        telemetry.ActiveAccounts.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        telemetry.ActiveAccounts.Add(-1);
        return Task.CompletedTask;
    }

    /// <summary>
    /// An id that names no open account (never opened, or closed) must not keep an activation, or requests for
    /// made-up ids fill the silo's memory until activations are collected (15 minutes): once the last call running
    /// here is done, the grain leaves after <see cref="NoAccountGrace"/> unless an account was opened meanwhile. Not
    /// at once: Orleans sends the calls that arrive during a deactivation to a new activation, at most twice, so
    /// with every miss deactivating, an open arriving among a stream of misses of its id was refused.
    /// </summary>
    async Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.DeclaringType != typeof(IAccountGrain) && context.InterfaceMethod.DeclaringType != typeof(IAccountSchedulesGrain))
        {
            await context.Invoke(); // a timer's tick, such as the one that lets this activation go
            return;
        }
        _callsRunning++;
        try
        {
            await context.Invoke();
        }
        finally
        {
            if (--_callsRunning == 0 && !Writer.HoldsOpenAccount)
                _leaving ??= this.RegisterGrainTimer(LeaveUnlessOpenedAsync, new GrainTimerCreationOptions(NoAccountGrace, Timeout.InfiniteTimeSpan)
                {
                    KeepAlive = false,
                    Interleave = true,
                });
        }
    }

    private Task LeaveUnlessOpenedAsync(CancellationToken cancellationToken)
    {
        _leaving!.Dispose();
        _leaving = null;
        if (_callsRunning == 0 && !Writer.HoldsOpenAccount) DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Opens the account unless its owner has as many open as the limit allows. The count is exact when the owner's
    /// opens come one at a time, as the user's identity grain sends them (<see cref="Users.UserIdentityGrain"/>).
    /// </summary>
    public Task<AccountUpdate> OpenAsync(OpenAccount command, CancellationToken cancellationToken) =>
        RunAsync("open", command.OwnerId, command.Options, opensAccount: true, cancellationToken, async _ =>
        {
            Account.RequireRoomForAnotherAccount(await Writer.OpenAccountsOfAsync(command.OwnerId, cancellationToken));
            return Account.Open(Writer.AccountId, command.OwnerId, command.Name, command.OpeningBalance, command.CanGoNegative, Writer.Now());
        });

    public async Task<AccountView> ViewAsync(ViewAccount query, CancellationToken cancellationToken)
    {
        var durable = await Writer.DurableOwnedAsync(query.OwnerId, cancellationToken);
        // A version names one durable state, so the view of that version holds until the account moves past it.
        return _durableView is { } view && view.Version == durable.Version
            ? view
            : _durableView = durable.Account.ToView(durable.Version);
    }

    public async Task<ImmutableArray<TransactionView>> ReadHistoryAsync(ReadHistory query, CancellationToken cancellationToken)
    {
        if (query.Page < 0) throw new NVelopesException(ErrorKind.Invalid, "page must be 0 or more.");
        if (query.Size is < 1 or > AccountLimits.TransactionsPerPage)
            throw new NVelopesException(ErrorKind.Invalid, $"size must be between 1 and {AccountLimits.TransactionsPerPage}.");
        var transactions = await Writer.ReadHistoryAsync(query.OwnerId, (long)query.Page * query.Size, query.Size, cancellationToken);
        return [.. transactions.Select(t => t.ToView())];
    }

    public Task<AccountUpdate> AddEnvelopesAsync(AddEnvelopes command, CancellationToken cancellationToken) =>
        ApplyAsync("add_envelopes", command.OwnerId, command.Options, cancellationToken,
            account => account.AddEnvelopes(command.Names));

    public Task<AccountUpdate> RenameEnvelopeAsync(RenameEnvelope command, CancellationToken cancellationToken) =>
        ApplyAsync("rename_envelope", command.OwnerId, command.Options, cancellationToken,
            account => account.RenameEnvelope(command.EnvelopeId, command.NewName));

    public Task<AccountUpdate> AddPaymentSourceAsync(AddPaymentSource command, CancellationToken cancellationToken) =>
        ApplyAsync("add_payment_source", command.OwnerId, command.Options, cancellationToken,
            account => account.AddPaymentSource(command.Payer, command.Amount, command.Split.ToSplits()));

    public Task<AccountUpdate> UpdatePaymentSourceAsync(UpdatePaymentSource command, CancellationToken cancellationToken) =>
        ApplyAsync("update_payment_source", command.OwnerId, command.Options, cancellationToken,
            account => account.UpdatePaymentSource(command.PaymentSourceId, command.Payer, command.Amount, command.Split.ToSplits()));

    public Task<AccountUpdate> RecordMovementAsync(RecordMovement command, CancellationToken cancellationToken) =>
        ApplyAsync(OperationOf(command.Kind), command.OwnerId, command.Options, cancellationToken,
            account => command.Kind switch
            {
                MovementKind.Deposit => account.Deposit(command.EnvelopeId, command.Description, command.Amount, Writer.Now()),
                MovementKind.Debit => account.Debit(command.EnvelopeId, command.Description, command.Amount, Writer.Now()),
                MovementKind.Atm => account.WithdrawCash(command.EnvelopeId, command.Description, command.Amount, Writer.Now()),
                _ => throw new NVelopesException(ErrorKind.Invalid, $"Unknown movement {command.Kind}."),
            });

    private static string OperationOf(MovementKind kind) => kind switch
    {
        MovementKind.Deposit => "deposit",
        MovementKind.Debit => "debit",
        MovementKind.Atm => "atm",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public Task<AccountUpdate> MoveMoneyAsync(MoveMoney command, CancellationToken cancellationToken) =>
        ApplyAsync("move", command.OwnerId, command.Options, cancellationToken, account => account.Move(
            command.FromEnvelopeId, command.ToEnvelopeId, command.Description, command.Amount, Writer.Now()));

    public Task<AccountUpdate> PayAsync(Pay command, CancellationToken cancellationToken) =>
        ApplyAsync("pay", command.OwnerId, command.Options, cancellationToken, account => account.Pay(
            command.PaymentSourceId, command.Payer, command.Amount, command.Description, command.Split?.ToSplits(), Writer.Now()));

    public Task<AccountUpdate> UndoLastAsync(UndoLast command, CancellationToken cancellationToken) =>
        RunAsync("undo", command.OwnerId, command.Options, opensAccount: false, cancellationToken,
            async account => account!.Undo(await Writer.NewestTransactionAsync(account!, cancellationToken)));

    public Task<AccountUpdate> RedoAsync(RedoLast command, CancellationToken cancellationToken) =>
        RunAsync("redo", command.OwnerId, command.Options, opensAccount: false, cancellationToken,
            async account => account!.Redo(await Writer.UndoAtAsync(account!.NextRedo(), cancellationToken)));

    public Task<ChangePage> ReadChangesAsync(ReadChanges query, CancellationToken cancellationToken) =>
        Writer.ReadChangesAsync(query.OwnerId, query.Since, query.Limit, cancellationToken);

    public Task<ChangePage> WatchChangesAsync(WatchChanges query, CancellationToken cancellationToken) =>
        Writer.WatchChangesAsync(query.OwnerId, query.Since, query.Limit, query.MaxWait, cancellationToken);

    /// <summary>
    /// Reads the statement (after the owner check, so that nobody's file is read for an account not theirs) and
    /// imports it through the writer; see <see cref="AccountWriter.ImportAsync"/>.
    /// </summary>
    public async Task<ImportReport> ImportAsync(ImportStatement command, CancellationToken cancellationToken)
    {
        try
        {
            await Writer.DurableOwnedAsync(command.OwnerId, cancellationToken);
            var report = await Writer.ImportAsync(command.OwnerId, command.Options, command.EnvelopeId, ReadStatement(command), command.DryRun,
                (plan, after) => plan.ToReport(command.DryRun, command.EnvelopeId, after.ToView(after.Version)), cancellationToken);
            CountOperation("import", "ok");
            if (!command.DryRun) return report;
            // A dry run answers the durable account, which its ETag names.
            var durable = (await Writer.DurableOwnedAsync(command.OwnerId, cancellationToken)).Account;
            return report with { Account = durable.ToView(durable.Version) };
        }
        catch (NVelopesException refused)
        {
            CountOperation("import", refused.Kind == ErrorKind.Unavailable ? "unavailable" : "refused");
            throw;
        }
    }

    private static Statement ReadStatement(ImportStatement command)
    {
        try
        {
            return StatementReader.Read(command.Content.Span, command.FileName, command.Settings.ToOptions());
        }
        catch (DomainException refused)
        {
            throw refused.ToNVelopesException();
        }
    }

    public async Task CloseAsync(CloseAccount command, CancellationToken cancellationToken) =>
        await RunAsync("close", command.OwnerId, MemberRole.Owner, command.Options, opensAccount: false, cancellationToken,
            account => ValueTask.FromResult(account!.Close()));

    private Task<AccountUpdate> ApplyAsync(
        string operation, string ownerId, CommandOptions? options, CancellationToken cancellationToken,
        Func<Account, AccountChange> command) =>
        RunAsync(operation, ownerId, options, opensAccount: false, cancellationToken,
            account => ValueTask.FromResult(command(account!)));

    /// <summary>Runs a command an editor may give (the money, envelopes, payment sources, undo and redo).</summary>
    private Task<AccountUpdate> RunAsync(
        string operation, string ownerId, CommandOptions? options, bool opensAccount, CancellationToken cancellationToken,
        Func<Account?, ValueTask<AccountChange>> command) =>
        RunAsync(operation, ownerId, MemberRole.Editor, options, opensAccount, cancellationToken, command);

    /// <summary>Runs one command through the writer, for a caller holding <paramref name="needed"/>, and counts it by kind and outcome.</summary>
    private async Task<AccountUpdate> RunAsync(
        string operation, string ownerId, MemberRole? needed, CommandOptions? options, bool opensAccount, CancellationToken cancellationToken,
        Func<Account?, ValueTask<AccountChange>> command)
    {
        try
        {
            var update = await Writer.RunAsync(ownerId, needed, options, opensAccount, cancellationToken, command);
            CountOperation(operation, "ok");
            return update;
        }
        catch (NVelopesException refused)
        {
            CountOperation(operation, refused.Kind == ErrorKind.Unavailable ? "unavailable" : "refused");
            throw;
        }
    }

    private void CountOperation(string operation, string outcome) => telemetry.Operations.Add(1,
        new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));
}
