// The History module: see README, Architecture.
