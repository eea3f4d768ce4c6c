// Adapters (sources, storage, messaging, delivery) and the pipeline's application services.
