namespace Alerts.Functions.Pull.Recalculations;

public enum RecalculationStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
