// The EventLog module: see README, Architecture.
