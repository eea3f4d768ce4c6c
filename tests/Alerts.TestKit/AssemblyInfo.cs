// Shared fixtures for tests: the local stack, fake clocks, sample data.
