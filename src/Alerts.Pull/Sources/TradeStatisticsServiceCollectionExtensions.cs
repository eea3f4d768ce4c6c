using Alerts.Pull.Sources.Comext;
using Alerts.Pull.Sources.Comtrade;
using Alerts.Pull.Sources.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Pull.Sources;

/// <summary>Registers the Comext and Comtrade clients with their HttpClients and resilience pipelines.</summary>
public static class TradeStatisticsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Sources:Comext</c> and <c>Sources:Comtrade</c> (<c>BaseUrl</c>, <c>SubscriptionKey</c>,
    /// <c>DailyCallBudget</c>, <c>Resilience:*</c>), validates them, and registers <see cref="ComextClient"/>
    /// and <see cref="ComtradeClient"/> as typed clients from <see cref="IHttpClientFactory"/>.
    /// </summary>
    public static IServiceCollection AddTradeStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ComextClientOptions>()
            .Bind(configuration.GetSection(ComextClientOptions.Section))
            .Validate(o => IsHttpUrl(o.BaseUrl), $"{ComextClientOptions.Section}:BaseUrl must be an absolute http(s) URL")
            .Validate(o => o.MaxResponseBytes > 0, $"{ComextClientOptions.Section}:MaxResponseBytes must be positive")
            .Validate(o => Valid(o.Resilience), $"{ComextClientOptions.Section}:Resilience has a non-positive timeout, delay or limit")
            .ValidateOnStart();
        services.AddOptions<ComtradeClientOptions>()
            .Bind(configuration.GetSection(ComtradeClientOptions.Section))
            .Validate(o => IsHttpUrl(o.BaseUrl), $"{ComtradeClientOptions.Section}:BaseUrl must be an absolute http(s) URL")
            .Validate(o => o.DailyCallBudget > 0, $"{ComtradeClientOptions.Section}:DailyCallBudget must be positive")
            .Validate(o => Valid(o.Resilience), $"{ComtradeClientOptions.Section}:Resilience has a non-positive timeout, delay or limit")
            .ValidateOnStart();

        services.TryAddSingleton(sp => new ComtradeCallBudget(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ComtradeClientOptions>>().Value.DailyCallBudget));
        services.AddTransient<ComtradeBudgetHandler>();

        services.AddHttpClient<ComextClient>((sp, http) => http.Timeout = Outer(sp.GetRequiredService<IOptions<ComextClientOptions>>().Value.Resilience))
            .AddResilienceHandler("comext", (builder, context) =>
                SourceResiliencePipeline.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<ComextClientOptions>>().Value.Resilience, context.ServiceProvider.GetRequiredService<TimeProvider>()));
        var comtrade = services.AddHttpClient<ComtradeClient>((sp, http) => http.Timeout = Outer(sp.GetRequiredService<IOptions<ComtradeClientOptions>>().Value.Resilience));
        comtrade.AddResilienceHandler("comtrade", (builder, context) =>
                SourceResiliencePipeline.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<ComtradeClientOptions>>().Value.Resilience, context.ServiceProvider.GetRequiredService<TimeProvider>()));
        // Added after the resilience handler, so it sits inside it and sees every attempt.
        comtrade.AddHttpMessageHandler<ComtradeBudgetHandler>();
        return services;
    }

    // The pipeline owns timeouts; HttpClient's own only catches a pipeline that never returns.
    private static TimeSpan Outer(SourceResilienceOptions o) => o.TotalTimeout + TimeSpan.FromSeconds(30);

    private static bool IsHttpUrl(Uri? uri) => uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool Valid(SourceResilienceOptions o) =>
        o.AttemptTimeout > TimeSpan.Zero && o.TotalTimeout > TimeSpan.Zero && o.BaseDelay > TimeSpan.Zero && o.MaxRetryAttempts >= 1
        && o.MaxConcurrency > 0 && o.QueueLimit >= 0 && o.BreakerMinimumThroughput >= 2 && o.BreakerBreakDuration >= TimeSpan.FromMilliseconds(500)
        && o.BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500) && o.BreakerFailureRatio is > 0 and <= 1;
}
