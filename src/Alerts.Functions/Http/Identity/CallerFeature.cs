namespace Alerts.Functions.Http.Identity;

/// <summary>
/// What authentication concluded about one request, kept on its <c>HttpContext.Features</c>: the principal, or null
/// when the request carried none that could be trusted. A request that never went through authentication has no
/// feature at all and is treated as anonymous.
/// </summary>
public sealed record CallerFeature(CallerPrincipal? Principal);
