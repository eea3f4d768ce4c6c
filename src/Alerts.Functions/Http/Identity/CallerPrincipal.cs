namespace Alerts.Functions.Http.Identity;

/// <summary>
/// An authenticated caller: the identity provider that vouched for it (<c>aad</c>, ...), its user id there and its
/// app roles. Two providers may issue the same user id, so the owner of stored data is both together.
/// </summary>
public sealed record CallerPrincipal(string IdentityProvider, string UserId, IReadOnlyList<string> Roles)
{
    /// <summary>The app role that admin routes (recalculation now; dead letters and global silences later) require.</summary>
    public const string AdminRole = "Alerts.Admin";

    /// <summary>Identity provider and user id: <c>aad|00000000-...</c>.</summary>
    public string OwnerKey => $"{IdentityProvider}|{UserId}";

    public bool IsAdmin => Roles.Contains(AdminRole, StringComparer.Ordinal);
}
