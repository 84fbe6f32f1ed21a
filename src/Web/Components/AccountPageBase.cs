using Microsoft.AspNetCore.Components;
using NVelopes.Web.Contracts;
using NVelopes.Web.Services;

namespace NVelopes.Web.Components;

/// <summary>
/// A page about one account: it loads the account and follows its event feed from the version it loaded, so a
/// change made anywhere else (another tab, device or person) shows within a second, without a reload.
/// </summary>
public abstract class AccountPageBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _leaving = new();
    private bool _following;

    [Parameter] public string Id { get; set; } = "";

    [Inject] protected ApiClient Api { get; set; } = default!;
    [Inject] protected Session Session { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] private AccountFeed Feed { get; set; } = default!;

    protected Account? Account { get; private set; }
    protected string? LoadError { get; private set; }
    protected bool Live => Feed.Connected;

    /// <summary>The caller's role on the account (<c>owner</c>, <c>editor</c> or <c>viewer</c>) as GET /accounts lists it; null until known.</summary>
    protected string? Role { get; private set; }

    /// <summary>
    /// Whether the role allows money operations, envelopes and payment sources. The API decides; the page only
    /// leaves out the forms it would refuse, so a viewer meets no 403.
    /// </summary>
    protected bool CanEdit => Role is "owner" or "editor";

    protected bool IsOwner => Role == "owner";

    protected string AccountPath => $"accounts/{Uri.EscapeDataString(Id)}";

    protected override async Task OnParametersSetAsync()
    {
        if (!Session.SignedIn)
        {
            Navigation.NavigateTo("");
            return;
        }
        await LoadRoleAsync(); // first: what the page offers once the account shows depends on it
        await ReloadAsync();
        if (!_following && Account is not null)
        {
            _following = true;
            _ = Feed.FollowAsync(Id, Account.Version, OnFeedChangeAsync, () => InvokeAsync(StateHasChanged), _leaving.Token);
        }
    }

    protected async Task ReloadAsync()
    {
        var answer = await Api.GetAsync(AccountPath, ApiClient.Json.Account, _leaving.Token);
        if (answer.Ok) Show(answer.Value!);
        LoadError = answer.Error;
        await OnAccountLoadedAsync();
    }

    protected async Task LoadRoleAsync()
    {
        var answer = await Api.GetAsync("accounts", ApiClient.Json.ListAccountSummary, _leaving.Token);
        if (answer.Ok) Role = answer.Value!.FirstOrDefault(a => a.AccountId == Id)?.Role;
    }

    /// <summary>Shows an account a command answered with, unless a newer one is already shown.</summary>
    protected void Show(Account account)
    {
        if (Account is null || account.Version >= Account.Version) Account = account;
    }

    /// <summary>Runs after every load of the account: pages that show more of it reload that part too.</summary>
    protected virtual Task OnAccountLoadedAsync() => Task.CompletedTask;

    /// <summary>What the page does with one event of the feed besides reloading the account.</summary>
    protected virtual void OnChange(Change change)
    {
    }

    private Task OnFeedChangeAsync(Change change) => InvokeAsync(async () =>
    {
        OnChange(change);
        if (change.Kind is "member_role_changed" or "member_removed") await LoadRoleAsync();
        if (change.Kind == "account_closed")
        {
            Navigation.NavigateTo("");
            return;
        }
        if (Account is null || change.Version > Account.Version) await ReloadAsync();
        StateHasChanged();
    });

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
        GC.SuppressFinalize(this);
    }
}
