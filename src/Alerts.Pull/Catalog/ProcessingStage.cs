namespace Alerts.Pull.Catalog;

/// <summary>Stages of processing at which the CRMA 65% benchmark applies.</summary>
public enum ProcessingStage
{
    /// <summary>Ores and concentrates.</summary>
    Ore,

    /// <summary>Chemicals and intermediates (oxides, carbonates, compounds).</summary>
    Intermediate,

    /// <summary>Refined or unwrought metal.</summary>
    Metal,

    /// <summary>Products made from it (magnets, cells, wrought forms).</summary>
    Downstream,
}
