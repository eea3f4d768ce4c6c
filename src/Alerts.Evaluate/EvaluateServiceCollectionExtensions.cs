using Alerts.Evaluate.Breaches;
using Alerts.Evaluate.Inhibition;
using Alerts.Evaluate.Lifecycle;
using Alerts.Evaluate.Rules;
using Alerts.Evaluate.Run;
using Alerts.Pull;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Evaluate;

/// <summary>Step 3, evaluate: the rule set, the inhibition rules, the alerts table, breach publishing, and the run of steps 1-3.</summary>
public static class EvaluateServiceCollectionExtensions
{
    public static IServiceCollection AddEvaluate(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAlertRules(configuration);
        services.AddInhibitions(configuration);
        services.TryAddSingleton<AlertStore>();
        services.TryAddSingleton<BreachPublisher>();
        services.TryAddSingleton<EvaluateStep>();
        services.TryAddSingleton<NoDataStep>();
        services.TryAddSingleton<SeriesProcessor>();
        services.TryAddTransient<CommoditySeries>();
        services.TryAddTransient<MirrorExports>();
        services.TryAddTransient<PullService>();
        return services;
    }

    /// <summary>The active rule set: defaults overridden by section <c>Rules</c>; invalid rules fail at start, naming rule and field.</summary>
    public static IServiceCollection AddAlertRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ =>
        {
            var definitions = configuration.GetSection("Rules").Get<List<RuleDefinition>>() ?? [];
            var pull = configuration.GetSection(PullOptions.SectionName).Get<PullOptions>() ?? new PullOptions();
            return new RuleEvaluator(RuleSetBuilder.Build(DefaultRules.For(pull), definitions, "setting Rules"));
        });
        return services;
    }
}
